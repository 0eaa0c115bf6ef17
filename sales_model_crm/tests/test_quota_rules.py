# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaRules(SalesQuotaCommon):
    def _quota_count(self):
        return self.env["sales.quota"].search_count([])

    # --- bad input: a clear error and nothing written -------------------------

    def test_minimum_above_target_is_refused(self):
        count = self._quota_count()
        with self.assertRaisesRegex(ValidationError, "minimum"), self.cr.savepoint():
            self._quota(self.jan, self.salesman_li, 30000, minimum=40000)
        self.assertEqual(self._quota_count(), count)

    def test_target_above_stretch_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "stretch"):
            self._quota(self.jan, self.salesman_li, 30000, stretch=20000)

    def test_negative_amounts_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "negative"):
            self._quota(self.jan, self.salesman_li, 0, minimum=-10, stretch=0)

    def test_negative_reward_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "positive"):
            self._quota(self.jan, self.salesman_li, 1000, reward_target_value=-5)

    def test_period_ending_before_it_starts_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["date.range"].create(
                {
                    "name": "Test backwards",
                    "type_id": self.month_type.id,
                    "date_start": date(2030, 5, 31),
                    "date_end": date(2030, 5, 1),
                    "company_id": self.company.id,
                }
            )

    def test_quota_for_an_archived_salesperson_is_refused(self):
        self.salesman_zhang.active = False
        count = self._quota_count()
        with self.assertRaisesRegex(ValidationError, "archived"), self.cr.savepoint():
            self._quota(self.jan, self.salesman_zhang, 1000)
        self.assertEqual(self._quota_count(), count)

    def test_quota_for_a_user_of_another_company_is_refused(self):
        other = self.env["res.company"].create({"name": "Test Other Co"})
        outsider = self.env["res.users"].create(
            {
                "name": "Test Outsider",
                "login": "smc_outsider",
                "company_id": other.id,
                "company_ids": [(6, 0, other.ids)],
            }
        )
        with self.assertRaisesRegex(ValidationError, "does not work for"):
            self._quota(self.jan, outsider, 1000)

    def test_agent_quota_needs_an_agent(self):
        with self.assertRaisesRegex(ValidationError, "not an agent"):
            self._quota(self.jan, self.customer_li, 1000)

    def test_quota_without_owner_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "no owner"):
            self.env["sales.quota"].create(
                {"period_id": self.jan.id, "owner_type": "team", "target": 10}
            )

    def test_second_quota_for_the_same_owner_and_scope_is_refused(self):
        self._quota(self.jan, self.salesman_li, 1000)
        with (
            self.assertRaisesRegex(ValidationError, "already a quota"),
            self.cr.savepoint(),
        ):
            self._quota(self.jan, self.salesman_li, 2000)
        # another basis or scope is another quota
        self._quota(self.jan, self.salesman_li, 5, basis="won_deals")

    # --- tiers, rewards and penalties -------------------------------------------

    def test_tier_reached_follows_the_thresholds(self):
        quota = self._quota(
            self.q1, self.salesman_li, 100000, minimum=80000, stretch=120000
        )
        self.assertEqual(quota._tier_for(79999.99), "none")
        self.assertEqual(quota._tier_for(80000), "minimum")
        self.assertEqual(quota._tier_for(100000), "target")
        self.assertEqual(quota._tier_for(130000), "stretch")

    def test_fixed_rewards_per_tier_and_penalty_below_minimum(self):
        quota = self._quota(
            self.q1,
            self.salesman_li,
            100000,
            minimum=80000,
            stretch=120000,
            penalty_value=500,
            reward_minimum_value=0,
            reward_target_value=2000,
            reward_stretch_value=5000,
        )
        self.assertEqual(quota._reward_for(70000), -500)
        self.assertEqual(quota._reward_for(90000), 0)
        self.assertEqual(quota._reward_for(100000), 2000)
        # the stretch's reward comes on top of the target's
        self.assertEqual(quota._reward_for(125000), 7000)

    def test_percentage_rewards_count_the_excess_and_penalties_the_shortfall(self):
        quota = self._quota(
            self.q1,
            self.salesman_li,
            100000,
            minimum=80000,
            stretch=120000,
            penalty_mode="percent",
            penalty_value=10,
            reward_stretch_mode="percent",
            reward_stretch_value=5,
        )
        self.assertEqual(quota._reward_for(60000), -2000, "10 % of 20,000 short")
        self.assertEqual(quota._reward_for(140000), 1000, "5 % of 20,000 above")

    # --- pace ------------------------------------------------------------------

    def test_pace_in_working_days(self):
        quota = self._quota(self.jan, self.salesman_li, 23000, minimum=11500)
        quota.write({"working_days_total": 23, "working_days_elapsed": 10})
        quota.write({"actual_amount": 5000})
        self.assertEqual(quota.expected_to_date, 10000)
        self.assertEqual(quota.forecast_amount, 11500)
        self.assertAlmostEqual(quota.gap_per_day, 18000 / 13, places=2)
        self.assertAlmostEqual(quota.gap_per_day_minimum, 6500 / 13, places=2)

    def test_working_days_come_from_the_owner_calendar(self):
        quota = self._quota(self.jan, self.salesman_li, 23000)
        self.env["sales.quota.progress"]._refresh(quota, today=date(2030, 1, 15))
        # January 2030: 23 weekdays, of which 10 before the 15th
        self.assertEqual(quota.working_days_total, 23)
        self.assertEqual(quota.working_days_elapsed, 10)

    def test_public_holidays_are_not_working_days(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Test New Year",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": "2030-01-01 00:00:00",
                "date_to": "2030-01-01 23:59:59",
            }
        )
        quota = self._quota(self.jan, self.salesman_li, 22000)
        self.env["sales.quota.progress"]._refresh(quota, today=date(2030, 1, 15))
        self.assertEqual(quota.working_days_total, 22)

    def test_behind_pace_is_below_the_minimum_trajectory(self):
        quota = self._quota(self.jan, self.salesman_li, 23000, minimum=23000)
        self.env["sales.quota.progress"]._refresh(quota, today=date(2030, 1, 15))
        self.assertTrue(quota.behind_pace, "nothing done after 10 working days")
        self.env["sales.quota.progress"]._refresh(quota, today=date(2030, 1, 1))
        self.assertFalse(quota.behind_pace, "nothing is due on the first day")

    # --- lock ------------------------------------------------------------------

    def test_team_manager_edits_drafts_but_not_confirmed_quotas(self):
        quota = self._quota(self.jan, self.salesman_li, 1000, team_id=self.team_wang.id)
        as_manager = quota.with_user(self.team_manager)
        as_manager.target = 1100
        as_manager.action_confirm()
        self.assertEqual(quota.state, "confirmed")
        with self.assertRaisesRegex(UserError, "only a sales director"):
            as_manager.target = 1200
        with self.assertRaisesRegex(UserError, "Only a sales director"):
            as_manager.action_reset_to_draft()
        quota.with_user(self.director).stretch = 1500
        quota.with_user(self.director).action_reset_to_draft()
        self.assertEqual(quota.state, "draft")

    def test_settlement_needs_an_ended_period_and_a_confirmed_quota(self):
        quota = self._quota(self.jan, self.salesman_li, 1000)
        settlement = self.env["sales.quota.settlement"]
        with self.assertRaisesRegex(UserError, "confirm it"):
            settlement._settle(quota, today=date(2030, 2, 1))
        quota.action_confirm()
        with self.assertRaisesRegex(UserError, "before its period ends"):
            settlement._settle(quota, today=date(2030, 1, 20))
        first = settlement._settle(quota, today=date(2030, 2, 1))
        again = settlement._settle(quota, today=date(2030, 2, 2))
        self.assertEqual(len(first), 1)
        self.assertFalse(again, "settling twice settles once")
        self.assertEqual(first.tier_reached, "none")

    def test_team_manager_cannot_settle(self):
        quota = self._quota(self.jan, self.salesman_li, 1000, team_id=self.team_wang.id)
        quota.action_confirm()
        with self.assertRaisesRegex(UserError, "Only a sales director"):
            self.env["sales.quota.settlement"].with_user(self.team_manager)._settle(
                quota.with_user(self.team_manager), today=date(2030, 2, 1)
            )
