# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaSplit(SalesQuotaCommon):
    """A quota splits into its periods or its team's salespeople, exactly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.region = cls.env["sales.region"].create({"name": "Test North China"})

    def _wizard(self, quota, user=None, **values):
        return (
            self.env["sales.quota.split"]
            .with_user(user or self.env.user)
            .with_context(active_model="sales.quota", active_id=quota.id)
            .create(values)
        )

    def _parts(self, quota, key="period_id"):
        return {part[key]: part for part in quota.child_ids}

    def _invoice_by(self, user, amount, invoice_date):
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer_li.id,
                "invoice_user_id": user.id,
                "invoice_date": invoice_date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Bottled water 18.9 L",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def test_quarter_splits_30_30_40_into_its_months(self):
        quarter = self._quota(
            self.q1,
            self.team_wang,
            100_000,
            region_id=self.region.id,
            basis="sales",
            reward_target_mode="percent",
            reward_target_value=5,
            avg_deal_size=6_000,
        )
        wizard = self._wizard(quarter)
        self.assertEqual(wizard.cycle, "month")
        self.assertEqual(wizard.line_ids.mapped("share"), [30, 30, 40])
        wizard.action_split()
        parts = self._parts(quarter)
        self.assertEqual(set(parts), {self.jan, self.feb, self.mar})
        self.assertEqual(parts[self.jan].target, 30_000)
        self.assertEqual(parts[self.feb].target, 30_000)
        self.assertEqual(parts[self.mar].target, 40_000)
        self.assertEqual(parts[self.mar].minimum, 32_000)
        self.assertEqual(parts[self.mar].stretch, 48_000)
        self.assertEqual(parts[self.mar].split_share, 40)
        for part in quarter.child_ids:
            self.assertEqual(part.owner_type, "team")
            self.assertEqual(part.team_id, self.team_wang)
            self.assertEqual(part.region_id, self.region)
            self.assertEqual(part.basis, "sales")
            self.assertEqual(part.reward_target_mode, "percent")
            self.assertEqual(part.reward_target_value, 5)
            self.assertEqual(part.avg_deal_size, 6_000)
        self.assertFalse(quarter.split_mismatch)

    def test_team_quota_splits_equally_into_its_salespeople(self):
        quota = self._quota(
            self.jan, self.team_wang, 1_000.01, minimum=1_000.01, stretch=1_000.01
        )
        split_form = Form(
            self.env["sales.quota.split"].with_context(
                active_model="sales.quota", active_id=quota.id
            )
        )
        split_form.mode = "owner"
        wizard = split_form.save()
        self.assertEqual(wizard.line_ids.user_id, self.salesman_li | self.team_manager)
        self.assertEqual(wizard.line_ids.mapped("share"), [50, 50])
        wizard.action_split()
        parts = self._parts(quota, "user_id")
        self.assertEqual(set(parts), {self.salesman_li, self.team_manager})
        for part in parts.values():
            self.assertEqual(part.owner_type, "user")
            self.assertEqual(part.period_id, self.jan)
            self.assertEqual(part.team_id, self.team_wang)
        # the rounding remainder goes to the last part: the sum is exact
        self.assertAlmostEqual(sum(quota.child_ids.mapped("target")), 1_000.01)
        self.assertEqual(sorted(quota.child_ids.mapped("target")), [500.0, 500.01])

    def test_team_quota_splits_by_last_years_share(self):
        this_quarter = self._period(
            "Test 2026-Q1", self._period_type("Test Q", "quarter"), date(2026, 1, 1), 3
        )
        self._invoice_by(self.salesman_li, 30_000, date(2025, 2, 10))
        self._invoice_by(self.team_manager, 10_000, date(2025, 3, 5))
        self._invoice_by(self.team_manager, 50_000, date(2025, 4, 2))  # Q2
        self._invoice_by(self.salesman_li, 90_000, date(2026, 2, 2))  # this year
        quota = self._quota(
            this_quarter, self.team_wang, 200_000, minimum=200_000, stretch=200_000
        )
        wizard = self._wizard(quota, mode="owner", owner_method="last_year")
        shares = {line.user_id: line.share for line in wizard.line_ids}
        self.assertEqual(shares, {self.salesman_li: 75, self.team_manager: 25})
        self.assertFalse(wizard.history_note)
        wizard.action_split()
        parts = self._parts(quota, "user_id")
        self.assertEqual(parts[self.salesman_li].target, 150_000)
        self.assertEqual(parts[self.team_manager].target, 50_000)

    def test_shares_not_adding_up_to_100_are_refused_and_nothing_written(self):
        quarter = self._quota(self.q1, self.team_wang, 100_000)
        wizard = self._wizard(quarter)
        wizard.line_ids[-1].share = 30
        with self.assertRaisesRegex(UserError, "90.00 %"):
            wizard.action_split()
        self.assertFalse(quarter.child_ids)
        # splitting again with bad shares leaves the earlier parts alone
        self._wizard(quarter).action_split()
        parts = quarter.child_ids
        wizard = self._wizard(quarter, mode="owner", owner_method="manual")
        wizard.line_ids[0].share = 60
        with self.assertRaises(UserError):
            wizard.action_split()
        self.assertEqual(quarter.child_ids, parts)
        self.assertEqual(parts.exists(), parts)

    def test_split_again_replaces_the_draft_parts(self):
        quarter = self._quota(self.q1, self.team_wang, 100_000)
        self._wizard(quarter).action_split()
        first_parts = quarter.child_ids
        wizard = self._wizard(quarter)
        self.assertEqual(wizard.replaced_count, 3)
        for line, share in zip(wizard.line_ids, (20, 30, 50), strict=True):
            line.share = share
        wizard.action_split()
        self.assertFalse(first_parts.exists())
        self.assertEqual(
            sorted(quarter.child_ids.mapped("target")), [20_000, 30_000, 50_000]
        )
        # a confirmed part stops the next split
        quarter.child_ids[0].state = "confirmed"
        with self.assertRaises(UserError):
            self._wizard(quarter).action_split()
        self.assertEqual(len(quarter.child_ids), 3)

    def test_team_manager_cannot_split_a_confirmed_quota(self):
        draft = self._quota(self.jan, self.team_wang, 100_000, region_id=self.region.id)
        confirmed = self._quota(self.q1, self.team_wang, 300_000)
        confirmed.state = "confirmed"
        self._wizard(draft, user=self.team_manager, mode="owner").action_split()
        self.assertEqual(len(draft.child_ids), 2)
        wizard = self._wizard(confirmed, user=self.team_manager)
        with self.assertRaisesRegex(UserError, "only a sales director"):
            wizard.action_split()
        self.assertFalse(confirmed.child_ids)
        # the director may
        self._wizard(confirmed, user=self.director).action_split()
        self.assertEqual(len(confirmed.child_ids), 3)
