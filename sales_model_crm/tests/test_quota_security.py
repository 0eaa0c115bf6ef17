# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaSecurity(SalesQuotaCommon):
    """Who sees and changes which quota, from each role's side."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quota_li = cls._quota(cls.jan, cls.salesman_li, 30000)
        cls.quota_zhang = cls._quota(cls.jan, cls.salesman_zhang, 20000)
        cls.quota_team = cls._quota(cls.jan, cls.team_wang, 50000)
        cls.quota_agent = cls._quota(cls.jan, cls.agent, 10000)
        cls.all_quotas = (
            cls.quota_li | cls.quota_zhang | cls.quota_team | cls.quota_agent
        )
        cls.agent_portal = cls._portal_user(
            "smc_agent_portal", "Test Agent Clerk", cls.agent
        )

    def _visible(self, user):
        return (
            self.env["sales.quota"]
            .with_user(user)
            .search([("id", "in", self.all_quotas.ids)])
        )

    def test_salesperson_sees_only_their_own_quota(self):
        self.assertEqual(self._visible(self.salesman_li), self.quota_li)
        self.assertEqual(self._visible(self.salesman_zhang), self.quota_zhang)
        with self.assertRaises(AccessError):
            self.quota_zhang.with_user(self.salesman_li).read(["target"])

    def test_salesperson_cannot_change_their_quota(self):
        with self.assertRaises(AccessError):
            self.quota_li.with_user(self.salesman_li).write({"target": 1})
        with self.assertRaises(AccessError):
            self.env["sales.quota"].with_user(self.salesman_li).create(
                {
                    "period_id": self.feb.id,
                    "owner_type": "user",
                    "user_id": self.salesman_li.id,
                    "target": 1,
                    "stretch": 1,
                }
            )

    def test_team_manager_sees_and_sets_their_team_quotas(self):
        visible = self._visible(self.team_manager)
        self.assertEqual(visible, self.quota_li | self.quota_team)
        quota = (
            self.env["sales.quota"]
            .with_user(self.team_manager)
            .create(
                {
                    "period_id": self.feb.id,
                    "owner_type": "user",
                    "user_id": self.salesman_li.id,
                    "target": 1000,
                    "stretch": 1000,
                }
            )
        )
        self.assertEqual(quota.team_id, self.team_wang)

    def test_team_manager_cannot_set_quotas_outside_their_team(self):
        with self.assertRaises(AccessError):
            self.env["sales.quota"].with_user(self.team_manager).create(
                {
                    "period_id": self.feb.id,
                    "owner_type": "user",
                    "user_id": self.salesman_zhang.id,
                    "target": 1000,
                    "stretch": 1000,
                }
            )
        with self.assertRaises(AccessError):
            self.quota_zhang.with_user(self.team_manager).write({"target": 1})

    def test_all_documents_salesperson_reads_all_but_changes_none(self):
        self.assertEqual(self._visible(self.salesman_all), self.all_quotas)
        with self.assertRaises(AccessError):
            self.quota_li.with_user(self.salesman_all).write({"target": 1})

    def test_director_sees_and_changes_all(self):
        self.assertEqual(self._visible(self.director), self.all_quotas)
        self.quota_zhang.action_confirm()
        self.quota_zhang.with_user(self.director).write({"target": 20000})

    def test_users_without_sales_see_no_quota(self):
        for user in (self.internal_user, self.invoicing_user):
            with self.assertRaises(AccessError):
                self.env["sales.quota"].with_user(user).search([])

    def test_agent_portal_user_reads_only_their_agent_quota(self):
        visible = self._visible(self.agent_portal)
        self.assertEqual(visible, self.quota_agent)
        with self.assertRaises(AccessError):
            self.quota_agent.with_user(self.agent_portal).write({"target": 1})

    def test_quotas_of_another_company_stay_there(self):
        other = self._create_company_with_chart("Test Shenzhen Branch")
        month = self.env["date.range"].create(
            {
                "name": "Test SZ 2030-01",
                "type_id": self.env["date.range.type"]
                .create({"name": "Test SZ Month", "company_id": other.id})
                .id,
                "date_start": date(2030, 1, 1),
                "date_end": date(2030, 1, 31),
                "company_id": other.id,
            }
        )
        self.director.write({"company_ids": [Command.link(other.id)]})
        foreign = self.env["sales.quota"].create(
            {
                "period_id": month.id,
                "owner_type": "user",
                "user_id": self.director.id,
                "target": 5,
                "stretch": 5,
                "company_id": other.id,
            }
        )
        # the director works in the first company only: the second is not active
        as_director = (
            self.env["sales.quota"]
            .with_user(self.director)
            .with_context(allowed_company_ids=self.company.ids)
        )
        self.assertNotIn(foreign, as_director.search([]))
        self.assertIn(
            foreign,
            as_director.with_context(
                allowed_company_ids=(self.company | other).ids
            ).search([]),
        )

    def test_salesperson_reads_own_settlement_only(self):
        (self.quota_li | self.quota_zhang).action_confirm()
        self.env["sales.quota.settlement"]._settle(
            self.quota_li | self.quota_zhang, today=date(2030, 2, 1)
        )
        visible = (
            self.env["sales.quota.settlement"].with_user(self.salesman_li).search([])
        )
        self.assertEqual(visible.quota_id, self.quota_li)
