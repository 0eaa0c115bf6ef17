# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common_quota import SalesQuotaCommon


class SalesQuotaPortalCommon(SalesQuotaCommon):
    """Two agents with a portal contact each, and a customer's portal contact.

    The Tianjin agent has a confirmed quarter quota (84,000 of 100,000 done,
    the minimum reached) with a plan, a settled January quota and a draft
    February quota; the Hebei agent has a confirmed quarter quota of its own.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_other = cls._create_agent("Test Hebei Water Agent")
        cls.agent_portal_user = cls._portal_user(
            "smc_agent_tianjin", "Test Zhao Tianjin", cls.agent
        )
        cls.other_agent_portal_user = cls._portal_user(
            "smc_agent_hebei", "Test Qian Hebei", cls.agent_other
        )
        cls.customer_portal_user = cls._portal_user(
            "smc_customer_portal", "Test Sun Zhilian", cls.customer_li
        )

        cls.agent_quota = cls._agent_quota(cls.q1, cls.agent, 100_000, 84_000)
        cls.agent_quota_settled = cls._agent_quota(cls.jan, cls.agent, 30_000, 36_500)
        cls.agent_quota_settled.sudo().state = "closed"
        cls.agent_quota_draft = cls._quota(cls.feb, cls.agent, 30_000)
        cls.other_quota = cls._agent_quota(cls.q1, cls.agent_other, 70_000, 10_000)
        cls.plan = cls.env["sales.plan"].create(
            {
                "name": "Test Tianjin Q1 plan",
                "period_id": cls.q1.id,
                "quota_id": cls.agent_quota.id,
                "owner_type": "agent",
                "agent_id": cls.agent.id,
                "company_id": cls.company.id,
                "line_ids": [
                    Command.create({"kind": "call", "target_count": 1234}),
                    Command.create({"kind": "visit", "target_count": 56}),
                ],
            }
        )
        cls.other_plan = cls.env["sales.plan"].create(
            {
                "name": "Test Hebei Q1 plan",
                "period_id": cls.q1.id,
                "quota_id": cls.other_quota.id,
                "owner_type": "agent",
                "agent_id": cls.agent_other.id,
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _agent_quota(cls, period, agent, target, actual):
        """A confirmed agent quota whose progress says ``actual`` is done."""
        quota = cls._quota(period, agent, target)
        quota.action_confirm()
        # the figures a progress refresh would have written, set directly so
        # that these tests do not depend on documents and the engine
        quota.write(
            {
                "actual_amount": actual,
                "in_progress_amount": 12_000,
                "working_days_total": 60,
                "working_days_elapsed": 30,
            }
        )
        return quota


@tagged("post_install", "-at_install")
class TestQuotaPortalAccess(SalesQuotaPortalCommon):
    """What the record rules give a portal user, read as that user."""

    def test_agent_contact_reads_own_agents_quota_and_numbers(self):
        quota = self.agent_quota.with_user(self.agent_portal_user)
        self.assertEqual(quota.actual_amount, 84_000)
        self.assertEqual(quota.target, 100_000)
        self.assertAlmostEqual(quota.attainment, 84.0)
        self.assertEqual(quota.tier_reached, "minimum")
        self.assertAlmostEqual(quota.expected_to_date, 50_000)
        self.assertAlmostEqual(quota.gap_per_day, 16_000 / 30, delta=0.01)

    def test_agent_contact_sees_only_own_agents_quotas(self):
        quotas = self.env["sales.quota"].with_user(self.agent_portal_user).search([])
        self.assertEqual(
            quotas,
            self.agent_quota | self.agent_quota_settled | self.agent_quota_draft,
        )

    def test_agent_contact_cannot_read_another_agents_quota(self):
        quota = self.other_quota.with_user(self.agent_portal_user)
        with self.assertRaises(AccessError):
            quota.read(["actual_amount"])

    def test_agent_contact_reads_own_plan_only(self):
        plans = self.env["sales.plan"].with_user(self.agent_portal_user).search([])
        self.assertEqual(plans, self.plan)
        lines = plans.line_ids
        self.assertEqual(sorted(lines.mapped("target_count")), [56, 1234])
        self.assertEqual(lines.mapped("done_count"), [0, 0])

    def test_agent_contact_cannot_change_a_quota(self):
        quota = self.agent_quota.with_user(self.agent_portal_user)
        with self.assertRaises(AccessError):
            quota.write({"note": "Done already"})

    def test_customer_portal_user_sees_no_quota(self):
        quotas = self.env["sales.quota"].with_user(self.customer_portal_user)
        self.assertFalse(quotas.search([]))
        self.assertFalse(
            self.env["sales.plan"].with_user(self.customer_portal_user).search([])
        )


@tagged("post_install", "-at_install")
class TestQuotaPortalPages(SalesQuotaPortalCommon, HttpCase):
    """The /my pages an agent's contact opens in the browser."""

    def _counters(self):
        response = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["quota_count"]}
        )
        return response["quota_count"]

    def test_home_counts_the_agents_confirmed_and_settled_quotas(self):
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        self.assertEqual(self._counters(), 2)
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn('href="/my/quotas"', home.text)

    def test_quota_list_shows_own_quotas_with_their_numbers(self):
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        response = self.url_open("/my/quotas")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn(f'href="/my/quotas/{self.agent_quota.id}"', page)
        self.assertIn(f'href="/my/quotas/{self.agent_quota_settled.id}"', page)
        self.assertIn("84,000.00", page)
        self.assertIn("84.0", page)
        self.assertNotIn(f'href="/my/quotas/{self.agent_quota_draft.id}"', page)
        self.assertNotIn(f'href="/my/quotas/{self.other_quota.id}"', page)
        self.assertNotIn("Hebei", page)

    def test_quota_list_pages(self):
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        response = self.url_open("/my/quotas/page/2")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f'href="/my/quotas/{self.agent_quota.id}"', response.text)

    def test_quota_page_shows_tiers_progress_pace_and_plan(self):
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        response = self.url_open(f"/my/quotas/{self.agent_quota.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        for amount in ("80,000.00", "100,000.00", "120,000.00", "84,000.00"):
            self.assertIn(amount, page)
        self.assertIn("12,000.00", page)  # in progress
        self.assertIn("50,000.00", page)  # should be done by today
        self.assertIn("533.33", page)  # needed per remaining day for the target
        self.assertIn("Test Tianjin Q1 plan", page)
        self.assertRegex(page, r">\s*1234\s*<")  # effective calls planned
        self.assertRegex(page, r">\s*56\s*<")  # visits planned

    def test_quota_page_without_plan(self):
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        response = self.url_open(f"/my/quotas/{self.agent_quota_settled.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("36,500.00", response.text)
        self.assertNotIn('id="quota_plan"', response.text)

    def test_another_agents_quota_is_refused(self):
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        response = self.url_open(
            f"/my/quotas/{self.other_quota.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))

    def test_a_draft_quota_is_refused(self):
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        response = self.url_open(
            f"/my/quotas/{self.agent_quota_draft.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)

    def test_customer_portal_user_has_no_quota(self):
        self.authenticate("smc_customer_portal", "smc_customer_portal")
        self.assertEqual(self._counters(), 0)
        response = self.url_open("/my/quotas")
        self.assertEqual(response.status_code, 200)
        self.assertIn("There are currently no quotas for your account.", response.text)
        response = self.url_open(
            f"/my/quotas/{self.agent_quota.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
