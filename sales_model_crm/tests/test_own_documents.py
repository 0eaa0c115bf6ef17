# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestOwnDocuments(SalesQuotaCommon):
    """A salesperson's own documents, and not those of a team mate.

    Li and Liu are salespeople of the same team (Wang leads it). The team
    mate is the closest "other" salesperson: a record rule widened from "own"
    to "the team's" lets Li see Liu's documents, which the access matrix
    (Li against Zhang, of another team) would not notice. Each test gives Li
    and Liu a document of one kind, then checks what Li reaches.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman_liu = cls._create_user("smc_liu", "sales_team.group_sale_salesman")
        cls.team_wang.member_ids = [Command.link(cls.salesman_liu.id)]
        cls.customer_liu = cls._create_customer("Test Liu Customer", cls.salesman_liu)

    def _assert_own_only(self, mine, teammates):
        """Li finds his document and not Liu's, and cannot read Liu's."""
        model = self.env[mine._name].with_user(self.salesman_li)
        self.assertEqual(model.search([("id", "in", (mine | teammates).ids)]), mine)
        with self.assertRaises(AccessError):
            teammates.with_user(self.salesman_li).check_access("read")

    def _pair(self, model, values):
        """One record of ``model`` for Li and one for Liu, each on own customer."""
        return tuple(
            self.env[model].create(values(customer, user))
            for customer, user in (
                (self.customer_li, self.salesman_li),
                (self.customer_liu, self.salesman_liu),
            )
        )

    def test_salesperson_does_not_see_a_team_mates_customer(self):
        self._assert_own_only(self.customer_li, self.customer_liu)

    def test_salesperson_reads_but_cannot_edit_a_team_mates_customer_he_quoted(self):
        """Li quoted Liu's customer: he reads the customer, only Liu edits it."""
        self.env["sale.order"].create(
            {"partner_id": self.customer_liu.id, "user_id": self.salesman_li.id}
        )
        customer = self.customer_liu.with_user(self.salesman_li)
        customer.check_access("read")
        with self.assertRaises(AccessError):
            customer.write({"comment": "Test mine now"})

    def test_salesperson_does_not_see_a_team_mates_visit(self):
        mine, teammates = self._pair(
            "sales.activity",
            lambda customer, user: {
                "name": "Test visit",
                "partner_id": customer.id,
                "user_id": user.id,
            },
        )
        self._assert_own_only(mine, teammates)

    def test_salesperson_reads_but_cannot_edit_a_team_mates_visit_to_his_customer(
        self,
    ):
        """Liu visited Li's customer: Li reads the record, only Liu edits it."""
        visit = self.env["sales.activity"].create(
            {
                "name": "Test visit for a colleague",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_liu.id,
            }
        )
        visit = visit.with_user(self.salesman_li)
        visit.check_access("read")
        with self.assertRaises(AccessError):
            visit.write({"name": "Test visit taken over"})

    def _quotas(self):
        return tuple(
            self._quota(self.jan, user, 1_000)
            for user in (self.salesman_li, self.salesman_liu)
        )

    def test_salesperson_does_not_see_a_team_mates_quota(self):
        self._assert_own_only(*self._quotas())

    def test_salesperson_does_not_see_a_team_mates_settlement(self):
        quotas = self._quotas()
        for quota in quotas:
            quota.action_confirm()
        settlements = self.env["sales.quota.settlement"]._settle(
            quotas[0] | quotas[1], today=date(2030, 2, 1)
        )
        self._assert_own_only(
            *(
                settlements.filtered(lambda s, q=quota: s.quota_id == q)
                for quota in quotas
            )
        )

    def test_salesperson_does_not_see_a_team_mates_plan(self):
        quotas = self._quotas()
        plans = self.env["sales.plan"]._create_from_quotas(quotas[0] | quotas[1])
        mine = plans.filtered(lambda plan: plan.user_id == self.salesman_li)
        teammates = plans - mine
        self.assertTrue(mine.line_ids and teammates.line_ids)
        self._assert_own_only(mine, teammates)
        self._assert_own_only(mine.line_ids, teammates.line_ids)

    def test_salesperson_does_not_see_a_team_mates_budget(self):
        mine, teammates = (
            self.env["sales.budget"].create(
                {"period_id": self.jan.id, "owner_type": "user", "user_id": user.id}
            )
            for user in (self.salesman_li, self.salesman_liu)
        )
        self._assert_own_only(mine, teammates)

    def test_salesperson_does_not_see_a_team_mates_daily_review(self):
        # the salesperson's yesterday, in his time zone
        yesterday = fields.Date.context_today(self.salesman_li) - timedelta(days=1)
        self._assert_own_only(
            *self._pair(
                "sales.daily.review",
                lambda customer, user: {"user_id": user.id, "date": yesterday},
            )
        )

    def test_salesperson_does_not_see_a_team_mates_problem(self):
        self._assert_own_only(
            *self._pair(
                "sales.problem",
                lambda customer, user: {"name": "Test problem", "user_id": user.id},
            )
        )

    def test_salesperson_does_not_see_a_team_mates_collection_plan(self):
        product = self.env["product.product"].create({"name": "Test dispenser"})
        self._assert_own_only(
            *self._pair(
                "sales.collection.plan",
                lambda customer, user: {
                    "order_id": self.env["sale.order"]
                    .create(
                        {
                            "partner_id": customer.id,
                            "user_id": user.id,
                            "order_line": [
                                Command.create(
                                    {"product_id": product.id, "price_unit": 100}
                                )
                            ],
                        }
                    )
                    .id
                },
            )
        )

    def test_salesperson_does_not_see_a_team_mates_purchase_cycle(self):
        product = self.env["product.product"].create({"name": "Test water"})
        self._assert_own_only(
            *self._pair(
                "sales.purchase.cycle",
                lambda customer, user: {
                    "partner_id": customer.id,
                    "product_id": product.id,
                    "days_per_unit_override": 7,
                },
            )
        )

    def test_salesperson_does_not_see_a_team_mates_audience(self):
        self._assert_own_only(
            *self._pair(
                "sales.audience",
                lambda customer, user: {"name": "Test audience", "user_id": user.id},
            )
        )
