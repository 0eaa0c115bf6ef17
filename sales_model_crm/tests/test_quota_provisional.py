# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaProvisional(SalesQuotaCommon):
    """A running quota's figures are provisional; a closed period's are final.

    Fixed dates: 2020 has ended and 2030 has not, at any hour.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.past_type = cls._period_type("Test Past Month", "month")
        cls.past = cls._period("Test 2020-12", cls.past_type, date(2020, 12, 1), 1)

    def _month_quota(self, period, owner=None):
        return self._quota(
            period,
            owner or self.salesman_li,
            15_000,
            minimum=12_000,
            stretch=18_000,
            penalty_value=500,
            reward_target_value=800,
        )

    def test_a_running_quota_shows_its_reward_as_projected(self):
        quota = self._month_quota(self.jan)
        # five working days of twenty: 4,000 done runs at 16,000 for the month
        quota.write({"working_days_total": 20, "working_days_elapsed": 5})
        quota.actual_amount = 4_000
        self.assertFalse(quota.is_settled)
        self.assertEqual(quota.reward_projected, 800)
        self.assertEqual(quota.reward_amount, -500, "so far, not settled")
        quota.actual_amount = 2_000
        self.assertEqual(quota.reward_projected, -500)

    def test_a_settled_quota_shows_the_settled_amount_only(self):
        quota = self._month_quota(self.past)
        quota.action_confirm()
        self.env["sales.quota.settlement"]._settle(quota, today=date(2021, 1, 5))
        self.assertTrue(quota.is_settled)
        self.assertEqual(quota.reward_amount, -500)
        self.assertEqual(quota.settlement_ids.reward_amount, -500)
        self.assertEqual(quota.reward_projected, 0)

    def test_a_closed_period_shows_its_shortfall_not_a_need_per_day(self):
        quota = self._month_quota(self.jan)
        quota.write({"working_days_total": 23, "working_days_elapsed": 23})
        quota.actual_amount = 10_000
        self.assertEqual(quota.working_days_remaining, 0)
        self.assertEqual(quota.gap_per_day, 0)
        self.assertEqual(quota.gap_per_day_minimum, 0)
        self.assertEqual(quota.shortfall_target, 5_000)
        self.assertEqual(quota.shortfall_minimum, 2_000)
        self.assertIn("No working day is left", quota._pace_reminder_note())
        # the day before the end: the whole shortfall is needed on that day
        quota.working_days_elapsed = 22
        self.assertEqual(quota.working_days_remaining, 1)
        self.assertEqual(quota.gap_per_day, 5_000)

    def test_an_ended_quota_never_settled_is_to_settle(self):
        draft = self._month_quota(self.past)
        confirmed = self._month_quota(self.past, self.team_wang)
        confirmed.action_confirm()
        settled = self._month_quota(self.past, self.salesman_zhang)
        settled.action_confirm()
        settled.action_settle()
        running = self._month_quota(self.jan)
        quotas = draft | confirmed | settled | running
        self.assertEqual(quotas.mapped("to_settle"), [True, True, False, False])
        to_settle = self.env["sales.quota"].search(
            [("id", "in", quotas.ids), ("to_settle", "=", True)]
        )
        self.assertEqual(to_settle, draft | confirmed)
        others = self.env["sales.quota"].search(
            [("id", "in", quotas.ids), ("to_settle", "=", False)]
        )
        self.assertEqual(others, settled | running)
