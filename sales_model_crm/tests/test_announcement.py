# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from .common_quota import SalesQuotaCommon


class SalesAnnouncementCommon(SalesQuotaCommon):
    """Two agents with a portal contact each; a customer of the Tianjin agent
    with a portal contact; an announcement for team Wang, the Tianjin agent
    and its customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_other = cls._create_agent("Test Hebei Water Agent")
        cls.agent_customer = cls._create_customer(
            "Test Tianjin Bakery",
            cls.salesman_li,
            sales_agent_id=cls.agent.id,
            email="bakery@example.com",
        )
        cls.agent.email = "agent@example.com"
        cls.agent_portal_user = cls._portal_user(
            "smc_e4_agent", "Test Zhao Tianjin", cls.agent
        )
        cls.other_agent_portal_user = cls._portal_user(
            "smc_e4_agent_hebei", "Test Qian Hebei", cls.agent_other
        )
        cls.agent_customer_portal_user = cls._portal_user(
            "smc_e4_bakery", "Test Sun Bakery", cls.agent_customer
        )
        cls.announcement = (
            cls.env["sales.announcement"]
            .with_user(cls.team_manager)
            .create(
                {
                    "name": "Test New price list",
                    "body": "<p>Prices change on the first.</p>",
                    "company_id": cls.company.id,
                    "team_ids": [Command.set(cls.team_wang.ids)],
                    "agent_ids": [Command.set(cls.agent.ids)],
                    "include_agent_customers": True,
                }
            )
        )

    def _visible_to(self, user):
        return self.env["sales.announcement"].with_user(user).search([])


@tagged("post_install", "-at_install")
class TestAnnouncement(SalesAnnouncementCommon):
    def test_end_before_start_is_refused(self):
        with self.assertRaises(ValidationError):
            self.announcement.date_to = self.announcement.date_from - timedelta(days=1)

    def test_draft_is_seen_by_its_author_only(self):
        self.assertEqual(self._visible_to(self.team_manager), self.announcement)
        self.assertFalse(self._visible_to(self.salesman_li))
        self.assertFalse(self._visible_to(self.agent_portal_user))

    def test_publish_reaches_team_agent_and_agent_customers(self):
        self.announcement.with_user(self.team_manager).action_publish()
        recipients = self.announcement.recipient_user_ids
        self.assertIn(self.salesman_li, recipients)
        self.assertIn(self.agent_portal_user, recipients)
        self.assertIn(self.agent_customer_portal_user, recipients)
        self.assertNotIn(self.salesman_zhang, recipients)
        self.assertNotIn(self.other_agent_portal_user, recipients)
        self.assertEqual(self.announcement.unread_count, len(recipients))

    def test_record_rules_from_each_side(self):
        self.announcement.with_user(self.team_manager).action_publish()
        for user in (
            self.salesman_li,
            self.agent_portal_user,
            self.agent_customer_portal_user,
            self.director,
        ):
            self.assertEqual(self._visible_to(user), self.announcement, user.login)
        for user in (self.salesman_zhang, self.other_agent_portal_user):
            self.assertFalse(self._visible_to(user), user.login)
        with self.assertRaises(AccessError):
            self.announcement.with_user(self.agent_portal_user).name = "Hacked"

    def test_salesperson_cannot_write_announcements(self):
        with self.assertRaises(AccessError):
            self.env["sales.announcement"].with_user(self.salesman_li).create(
                {"name": "Test mine", "company_id": self.company.id}
            )

    def test_team_manager_does_not_see_a_directors_draft(self):
        draft = (
            self.env["sales.announcement"]
            .with_user(self.director)
            .create({"name": "Test board only", "company_id": self.company.id})
        )
        self.assertNotIn(draft, self._visible_to(self.team_manager))
        self.assertIn(draft, self._visible_to(self.director))

    def test_opening_sets_own_read_receipt(self):
        self.announcement.with_user(self.team_manager).action_publish()
        self.announcement.with_user(self.salesman_li).action_open()
        receipts = self.announcement.receipt_ids
        read = receipts.filtered("read_date")
        self.assertEqual(read.user_id, self.salesman_li)
        self.assertEqual(self.announcement.read_count, 1)
        # a recipient sees their own receipt only
        own = (
            self.env["sales.announcement.receipt"]
            .with_user(self.agent_portal_user)
            .search([])
        )
        self.assertEqual(own.user_id, self.agent_portal_user)
        unread = self.env["sales.announcement.receipt"].search(
            self.announcement.action_view_unread()["domain"]
        )
        self.assertEqual(len(unread), len(receipts) - 1)

    def test_email_to_agents_and_customers_respects_opt_out(self):
        self.agent_customer.sales_no_marketing = True
        self.announcement.with_user(self.team_manager).action_publish()
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "sales.announcement"),
                ("res_id", "=", self.announcement.id),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.agent, mail.recipient_ids)
        self.assertNotIn(self.agent_customer, mail.recipient_ids)

    def test_expired_is_not_current(self):
        self.announcement.with_user(self.team_manager).action_publish()
        today = self._today()
        current = self.env["sales.announcement"].search([("is_current", "=", True)])
        self.assertIn(self.announcement, current)
        self.announcement.write(
            {
                "date_from": today - timedelta(days=10),
                "date_to": today - timedelta(days=1),
            }
        )
        current = self.env["sales.announcement"].search([("is_current", "=", True)])
        self.assertNotIn(self.announcement, current)


@tagged("post_install", "-at_install")
class TestAnnouncementPortal(SalesAnnouncementCommon, HttpCase):
    def test_agent_reads_on_portal_and_receipt_is_set(self):
        self.announcement.action_publish()
        self.authenticate("smc_e4_agent", "smc_e4_agent")
        response = self.url_open("/my/announcements")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Test New price list", response.text)
        response = self.url_open(f"/my/announcements/{self.announcement.id}")
        self.assertIn("Prices change on the first.", response.text)
        receipt = self.announcement.receipt_ids.filtered(
            lambda receipt: receipt.user_id == self.agent_portal_user
        )
        self.assertTrue(receipt.read_date)

    def test_other_agent_is_sent_home(self):
        self.announcement.action_publish()
        self.authenticate("smc_e4_agent_hebei", "smc_e4_agent_hebei")
        response = self.url_open("/my/announcements")
        self.assertNotIn("Test New price list", response.text)
        response = self.url_open(f"/my/announcements/{self.announcement.id}")
        self.assertNotIn("Prices change on the first.", response.text)
