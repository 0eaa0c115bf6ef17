# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common_quota import SalesQuotaCommon
from .test_quota_actuals import QuotaDocumentsMixin


@tagged("post_install", "-at_install")
class TestQuotaBoundaries(QuotaDocumentsMixin, SalesQuotaCommon):
    """Quotas at the edge of each rule, one cent or one unit either side.

    Li's January quota: minimum (保底) 24,000, target (达标) 30,000, stretch
    (冲刺) 36,000. A tier is reached at its amount exactly.
    """

    def _li_quota(self, **values):
        return self._quota(
            self.jan,
            self.salesman_li,
            30_000,
            minimum=24_000,
            stretch=36_000,
            **values,
        )

    # --- tiers reached ---------------------------------------------------------

    def test_tier_reached_at_its_amount_exactly_not_one_cent_later(self):
        """Invoices climb to each threshold: one cent short, then exactly on it."""
        quota = self._li_quota(basis="invoiced")
        steps = [
            (23_999.99, "none"),  # 23,999.99: one cent below the minimum
            (0.01, "minimum"),  # 24,000.00: the minimum exactly
            (5_999.99, "minimum"),  # 29,999.99: one cent below the target
            (0.01, "target"),  # 30,000.00: the target exactly
            (5_999.99, "target"),  # 35,999.99: one cent below the stretch
            (0.01, "stretch"),  # 36,000.00: the stretch exactly
        ]
        for amount, tier in steps:
            self._invoice_on(self.customer_li, amount, date(2030, 1, 10))
            self._refresh(quota)
            # the progress engine (SQL) and the model (Python) agree
            self.assertEqual(quota.tier_reached, tier, quota.actual_amount)
            self.assertEqual(quota._tier_for(quota.actual_amount), tier)

    # --- rewards and penalties (奖惩) -----------------------------------------

    def test_fixed_reward_of_each_tier_from_its_amount_exactly(self):
        """Below the minimum a fixed penalty of 500; then each tier reached
        adds its reward to the lower tiers': 1,000, then 1,000 + 2,000, then
        1,000 + 2,000 + 5,000 (a reward never falls when the result rises)."""
        quota = self._li_quota(
            penalty_value=500,
            reward_minimum_value=1_000,
            reward_target_value=2_000,
            reward_stretch_value=5_000,
        )
        expected = [
            (23_999.99, -500),
            (24_000, 1_000),
            (29_999.99, 1_000),
            (30_000, 3_000),
            (35_999.99, 3_000),
            (36_000, 8_000),
        ]
        for actual, reward in expected:
            self.assertEqual(quota._reward_for(actual), reward, actual)

    def test_percentage_penalty_counts_the_shortfall_to_the_minimum(self):
        """10 % of what is missing to the minimum (not to the target)."""
        quota = self._li_quota(penalty_mode="percent", penalty_value=10)
        # 24,000 - 23,999.90 = 0.10 short: -0.01 (rewards and penalties are
        # in cents); 24,000 - 20,000 = 4,000 short: -400; at the minimum
        # nothing is short and no penalty applies
        self.assertAlmostEqual(quota._reward_for(23_999.90), -0.01)
        self.assertAlmostEqual(quota._reward_for(20_000), -400)
        self.assertEqual(quota._reward_for(24_000), 0)

    # --- the collected basis (回款) --------------------------------------------

    def test_collected_refund_paid_back_counts_negative(self):
        """10,000 collected, then 2,000 paid back to the customer on a refund.

        Both in January: the collected actual is 10,000 - 2,000 = 8,000.
        """
        quota = self._li_quota(basis="collected")
        invoice = self._invoice_on(self.customer_li, 10_000, date(2030, 1, 5))
        self._pay(invoice, 10_000, date(2030, 1, 8))
        refund = self._invoice_on(
            self.customer_li, 2_000, date(2030, 1, 9), refund=True
        )
        self._pay(refund, 2_000, date(2030, 1, 12))
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 8_000)

    def test_collected_on_the_day_the_payment_is_reconciled(self):
        """A December invoice paid on 3 January is January's collection."""
        december = self._quota(
            self._period("Test 2029-12", self.month_type, date(2029, 12, 1), 1),
            self.salesman_li,
            30_000,
            basis="collected",
        )
        quota = self._li_quota(basis="collected")
        invoice = self._invoice_on(self.customer_li, 5_000, date(2029, 12, 28))
        self._pay(invoice, 5_000, date(2030, 1, 3))
        self._refresh(quota | december)
        self.assertEqual(quota.actual_amount, 5_000)
        self.assertEqual(december.actual_amount, 0)

    def test_collected_only_cash_not_a_credit_note(self):
        """A credit note matched with Li's invoice brings in no money.

        The accountant issues it (so it is not Li's document): matched with
        Li's 10,000 invoice, it settles the invoice without any payment, and
        Li's collected actual stays 0; the open receivable is gone too.
        """
        quota = self._li_quota(basis="collected")
        invoice = self._invoice_on(self.customer_li, 10_000, date(2030, 1, 5))
        credit_note = self._invoice_on(
            self.customer_li,
            10_000,
            date(2030, 1, 9),
            user=self.invoicing_user,
            refund=True,
        )
        (invoice | credit_note).line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        ).reconcile()
        self._refresh(quota)
        self.assertEqual((quota.actual_amount, quota.in_progress_amount), (0, 0))

    # --- the reverse funnel (任务分解) -----------------------------------------

    def test_each_funnel_step_rounds_its_fraction_up(self):
        """3,000 at 1,000 a deal, 2.1 prospects a deal, 3.2 calls a prospect.

        3 deals; 3 x 2.1 = 6.3, so 7 prospects; 7 x 3.2 = 22.4, so 23 calls;
        over 5 working days 4.6, so 5 calls a day. Rounding to the nearest
        would give 6 prospects, 19 calls and 4 a day; rounding down 4 a day.
        """
        quota = self._quota(
            self.jan,
            self.salesman_li,
            3_000,
            minimum=3_000,
            stretch=3_000,
            avg_deal_size=1_000,
            prospects_per_deal=2.1,
            calls_per_prospect=3.2,
            working_days=5,
        )
        self.assertEqual(
            (
                quota.workload_deals,
                quota.workload_prospects,
                quota.workload_calls,
                quota.workload_daily_calls,
            ),
            (3, 7, 23, 5),
        )

    def test_funnel_step_ignores_floating_point_noise(self):
        """25 deals x 2.2 prospects a deal are 55 prospects, not 56.

        In binary floating point 25 x 2.2 is 55.00000000000001: rounded up
        without a tolerance, it would ask for a 56th prospect.
        """
        quota = self._quota(
            self.jan,
            self.salesman_li,
            25_000,
            minimum=25_000,
            stretch=25_000,
            avg_deal_size=1_000,
            prospects_per_deal=2.2,
            calls_per_prospect=1,
            working_days=11,
        )
        # 55 calls over 11 working days: 5 a day
        self.assertEqual(
            (
                quota.workload_deals,
                quota.workload_prospects,
                quota.workload_calls,
                quota.workload_daily_calls,
            ),
            (25, 55, 55, 5),
        )
