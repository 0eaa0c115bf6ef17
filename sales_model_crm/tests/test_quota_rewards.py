# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon

# the demo's incentive schemes, and one that pays a percentage at the minimum
# only: (minimum, target, stretch), then the penalty and rewards
CONFIGURATIONS = {
    # the demo team's quarter: 5,000 at target, 10 % of the excess at stretch
    "team quarter": (
        (80_000, 100_000, 120_000),
        {
            "penalty_mode": "fixed",
            "penalty_value": 2_000,
            "reward_minimum_mode": "fixed",
            "reward_minimum_value": 1_000,
            "reward_target_mode": "fixed",
            "reward_target_value": 5_000,
            "reward_stretch_mode": "percent",
            "reward_stretch_value": 10,
        },
    ),
    # the demo's later months: 800 at target, no stretch reward
    "target only": (
        (12_000, 15_000, 18_000),
        {"penalty_value": 500, "reward_target_value": 800},
    ),
    # the demo agent: percentages at every tier
    "percentages": (
        (40_000, 50_000, 60_000),
        {
            "penalty_value": 1_000,
            "reward_minimum_mode": "percent",
            "reward_minimum_value": 2,
            "reward_target_mode": "percent",
            "reward_target_value": 3,
            "reward_stretch_mode": "percent",
            "reward_stretch_value": 5,
        },
    ),
    # a generous percentage at the minimum, fixed amounts above it
    "percentage then fixed": (
        (12_000, 15_000, 18_000),
        {
            "penalty_mode": "percent",
            "penalty_value": 5,
            "reward_minimum_mode": "percent",
            "reward_minimum_value": 50,
            "reward_target_value": 300,
        },
    ),
}


@tagged("post_install", "-at_install")
class TestQuotaRewards(SalesQuotaCommon):
    """The reward never falls when the result rises."""

    def _configured(self, name):
        (minimum, target, stretch), incentives = CONFIGURATIONS[name]
        # one period each: one quota per owner and period
        periods = self.jan | self.feb | self.mar | self.q1
        period = periods[list(CONFIGURATIONS).index(name)]
        return self._quota(
            period,
            self.salesman_li,
            target,
            minimum=minimum,
            stretch=stretch,
            **incentives,
        )

    def _results(self, quota):
        """A rising series of results: steps up to four times the stretch, and
        a cent either side of each tier."""
        points = {step * quota.stretch / 40 for step in range(161)}
        for tier in (quota.minimum, quota.target, quota.stretch):
            points |= {tier - 0.01, tier, tier + 0.01}
        return sorted(points)

    def test_the_reward_never_falls_when_the_result_rises(self):
        for name in CONFIGURATIONS:
            with self.subTest(configuration=name):
                quota = self._configured(name)
                previous_actual, previous = None, None
                for actual in self._results(quota):
                    reward = quota._reward_for(actual)
                    if previous is not None:
                        self.assertGreaterEqual(
                            reward,
                            previous,
                            f"{actual:,.2f} earns less than {previous_actual:,.2f}",
                        )
                    previous_actual, previous = actual, reward

    def test_demo_team_quarter_at_166_percent_of_target(self):
        quota = self._configured("team quarter")
        # 1,000 at minimum + 5,000 at target + 10 % of the 46,225 above the
        # stretch (not 4,622.50 alone, less than the target's 5,000)
        self.assertEqual(quota._reward_for(166_225), 10_622.50)
        self.assertEqual(quota._reward_for(120_000), 6_000)
        self.assertEqual(quota._reward_for(100_000), 6_000)
        self.assertEqual(quota._reward_for(99_999.99), 1_000)
        self.assertEqual(quota._reward_for(80_000), 1_000)
        self.assertEqual(quota._reward_for(79_999.99), -2_000)

    def test_a_tier_without_a_reward_keeps_the_lower_tiers_reward(self):
        quota = self._configured("target only")
        # 427 % of the target, with no stretch reward: still the target's 800
        self.assertEqual(quota._reward_for(64_050), 800)
        self.assertEqual(quota._reward_for(15_000), 800)
        self.assertEqual(quota._reward_for(14_999.99), 0)
        self.assertEqual(quota._reward_for(11_999.99), -500)

    def test_percentages_count_each_tiers_band(self):
        quota = self._configured("percentages")
        # 2 % of 45,000 - 40,000
        self.assertEqual(quota._reward_for(45_000), 100)
        # 2 % of 10,000 + 3 % of 10,000 + 5 % of 5,000
        self.assertEqual(quota._reward_for(65_000), 750)
        quota = self._configured("percentage then fixed")
        # 50 % of the 3,000 between minimum and target, then 300 at target:
        # 1,499.99 two cents before the target, 1,800 at it, no drop
        self.assertEqual(quota._reward_for(14_999.98), 1_499.99)
        self.assertEqual(quota._reward_for(15_000), 1_800)
        self.assertEqual(quota._reward_for(40_000), 1_800)
        # 5 % of the 2,000 short of the minimum
        self.assertEqual(quota._reward_for(10_000), -100)

    def test_the_quota_shows_the_reward_of_its_actual(self):
        quota = self._configured("team quarter")
        quota.actual_amount = 166_225
        self.assertEqual(quota.reward_amount, 10_622.50)

    # --- the reward and the pace follow their inputs, no cache to clear -------

    def test_a_new_penalty_shows_at_once(self):
        quota = self._quota(self.jan, self.salesman_li, 30_000)
        quota.actual_amount = 10_000
        self.assertEqual(quota.reward_amount, 0)
        quota.penalty_value = 500
        self.assertEqual(quota.reward_amount, -500)
        quota.penalty_mode = "percent"
        quota.penalty_value = 10
        # 10 % of the 14,000 short of the 24,000 minimum
        self.assertEqual(quota.reward_amount, -1_400)

    def test_a_new_reward_or_tier_shows_at_once(self):
        quota = self._quota(self.jan, self.salesman_li, 30_000)
        quota.actual_amount = 40_000
        self.assertEqual(quota.reward_amount, 0)
        quota.reward_target_value = 800
        self.assertEqual(quota.reward_amount, 800)
        quota.reward_stretch_mode = "percent"
        quota.reward_stretch_value = 10
        # 800 + 10 % of the 4,000 above the 36,000 stretch
        self.assertEqual(quota.reward_amount, 1_200)
        quota.stretch = 50_000
        self.assertEqual(quota.reward_amount, 800)

    def test_the_pace_follows_the_working_days_elapsed(self):
        quota = self._quota(self.jan, self.salesman_li, 23_000, minimum=11_500)
        quota.write(
            {
                "working_days_total": 23,
                "working_days_elapsed": 10,
                "actual_amount": 5_000,
            }
        )
        self.assertEqual(quota.expected_to_date, 10_000)
        self.assertAlmostEqual(quota.gap_per_day, 18_000 / 13, places=2)
        quota.working_days_elapsed = 20
        self.assertEqual(quota.expected_to_date, 20_000)
        self.assertEqual(quota.forecast_amount, 5_750)
        self.assertEqual(quota.gap_per_day, 6_000)
