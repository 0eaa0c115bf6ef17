# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import float_compare

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaSplit(SalesQuotaCommon):
    """A quota splits into its periods or its team's salespeople, exactly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.region = cls.env["sales.region"].create({"name": "Test North China"})
        # a team of three salespeople whose leader is a member too
        cls.salespeople = cls.env["res.users"].concat(
            *(
                cls._create_user(login, "sales_team.group_sale_salesman")
                for login in ("smc_split_a", "smc_split_b", "smc_split_c")
            )
        )
        cls.leader_three = cls._create_user(
            "smc_split_lead", "sales_model_crm.group_sales_team_manager"
        )
        cls.team_three = cls.env["crm.team"].create(
            {
                "name": "Test Tianjin Team",
                "user_id": cls.leader_three.id,
                "company_id": cls.company.id,
                "member_ids": [Command.set((cls.salespeople | cls.leader_three).ids)],
            }
        )

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

    def _owner_form(self, quota, **values):
        split_form = Form(
            self.env["sales.quota.split"].with_context(
                active_model="sales.quota", active_id=quota.id
            )
        )
        split_form.mode = "owner"
        for name, value in values.items():
            setattr(split_form, name, value)
        return split_form

    def test_team_quota_splits_equally_into_its_salespeople(self):
        quota = self._quota(
            self.jan, self.team_three, 100_000, minimum=80_000, stretch=120_000
        )
        wizard = self._owner_form(quota).save()
        # the leader is a member of the team but receives no part unless chosen
        self.assertEqual(wizard.line_ids.user_id, self.salespeople)
        self.assertEqual(wizard.line_ids.mapped("share"), [33.33, 33.33, 33.34])
        # 100,000 / 3 split in cents, not as 33.33 % (33,330 + 33,330 + 33,340)
        self.assertEqual(
            wizard.line_ids.mapped("target"), [33_333.33, 33_333.33, 33_333.34]
        )
        self.assertEqual(wizard.total_share, 100)
        wizard.action_split()
        parts = quota.child_ids.sorted("id")
        self.assertEqual(parts.user_id, self.salespeople)
        for part in parts:
            self.assertEqual(part.owner_type, "user")
            self.assertEqual(part.period_id, self.jan)
            self.assertEqual(part.team_id, self.team_three)
        self.assertEqual(parts.mapped("target"), [33_333.33, 33_333.33, 33_333.34])
        self.assertEqual(parts.mapped("minimum"), [26_666.66, 26_666.67, 26_666.67])
        self.assertEqual(parts.mapped("stretch"), [40_000, 40_000, 40_000])
        for tier in ("minimum", "target", "stretch"):
            self.assertEqual(
                float_compare(sum(parts.mapped(tier)), quota[tier], 2), 0, tier
            )
        self.assertFalse(quota.split_mismatch)

    def test_equal_parts_differ_by_one_cent_at_most(self):
        # worked out by hand: 100 / 3 = 33.33 + 33.33 + 33.34; 0.02 / 3 = 0 +
        # 0.01 + 0.01 (the odd cents go to the last parts); 1,000.01 / 2
        for period, amount, expected in (
            (self.jan, 100, [33.33, 33.33, 33.34]),
            (self.feb, 0.02, [0.0, 0.01, 0.01]),
            (self.mar, 1_000.01, [500.0, 500.01]),
        ):
            with self.subTest(amount=amount):
                users = self.salespeople[: len(expected)]
                team = self.env["crm.team"].create(
                    {
                        "name": f"Test team for {amount}",
                        "company_id": self.company.id,
                        "member_ids": [Command.set(users.ids)],
                    }
                )
                quota = self._quota(
                    period, team, amount, minimum=amount, stretch=amount
                )
                self._wizard(quota, mode="owner").action_split()
                parts = quota.child_ids.sorted("id")
                self.assertEqual(parts.mapped("target"), expected)
                self.assertEqual(parts.mapped("minimum"), expected)

    def test_counts_split_in_whole_units(self):
        quota = self._quota(
            self.jan, self.team_three, 10, minimum=10, stretch=10, basis="won_deals"
        )
        self._wizard(quota, mode="owner").action_split()
        self.assertEqual(quota.child_ids.sorted("id").mapped("target"), [3, 3, 4])

    def test_team_leader_receives_a_part_only_if_chosen(self):
        quota = self._quota(self.jan, self.team_three, 100_000, minimum=0)
        split_form = self._owner_form(quota)
        self.assertNotIn(self.leader_three, split_form.save().line_ids.user_id)
        split_form.include_leader = True
        wizard = split_form.save()
        self.assertEqual(wizard.line_ids.user_id, self.salespeople | self.leader_three)
        self.assertEqual(wizard.line_ids.mapped("share"), [25, 25, 25, 25])
        wizard.action_split()
        self.assertEqual(quota.child_ids.mapped("target"), [25_000] * 4)

    def test_removing_a_line_rebalances_the_equal_shares(self):
        quota = self._quota(self.jan, self.team_three, 100_000, minimum=0)
        split_form = self._owner_form(quota)
        split_form.line_ids.remove(index=0)
        wizard = split_form.save()
        self.assertEqual(wizard.line_ids.user_id, self.salespeople[1:])
        self.assertEqual(wizard.line_ids.mapped("share"), [50, 50])
        self.assertEqual(wizard.total_share, 100)
        wizard.action_split()
        self.assertEqual(quota.child_ids.mapped("target"), [50_000, 50_000])
        self.assertEqual(quota.child_ids.user_id, self.salespeople[1:])

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
        wizard = self._wizard(
            quota, mode="owner", owner_method="last_year", include_leader=True
        )
        shares = {line.user_id: line.share for line in wizard.line_ids}
        self.assertEqual(shares, {self.salesman_li: 75, self.team_manager: 25})
        self.assertFalse(wizard.history_note)
        wizard.action_split()
        parts = self._parts(quota, "user_id")
        self.assertEqual(parts[self.salesman_li].target, 150_000)
        self.assertEqual(parts[self.team_manager].target, 50_000)

    def test_last_years_share_splits_by_the_actuals_not_the_rounded_shares(self):
        this_quarter = self._period(
            "Test 2026-Q1", self._period_type("Test Q", "quarter"), date(2026, 1, 1), 3
        )
        first, second, third = self.salespeople
        self._invoice_by(first, 10_000, date(2025, 1, 10))
        self._invoice_by(second, 20_000, date(2025, 2, 10))
        self._invoice_by(third, 40_000, date(2025, 3, 10))
        quota = self._quota(this_quarter, self.team_three, 100_000, minimum=0)
        wizard = self._wizard(quota, mode="owner", owner_method="last_year")
        self.assertEqual(wizard.line_ids.mapped("share"), [14.29, 28.57, 57.14])
        wizard.action_split()
        # 1/7, 2/7 and 4/7 of 10,000,000 cents: 1,428,571.43, 2,857,142.86 and
        # 5,714,285.71; the two cents left go to the largest fractions (.86 and
        # .71). From the rounded shares it would be 14,290 / 28,570 / 57,140.
        self.assertEqual(
            quota.child_ids.sorted("id").mapped("target"),
            [14_285.71, 28_571.43, 57_142.86],
        )

    def test_month_split_30_30_40_is_exact_to_the_cent(self):
        quarter = self._quota(
            self.q1, self.team_wang, 100_000.01, minimum=33_333, stretch=100_000.01
        )
        self._wizard(quarter).action_split()
        parts = quarter.child_ids.sorted("date_start")
        # 30 % of 10,000,001 cents is 3,000,000.3: the odd cent goes to March
        self.assertEqual(parts.mapped("target"), [30_000, 30_000, 40_000.01])
        self.assertEqual(parts.mapped("minimum"), [9_999.90, 9_999.90, 13_333.20])
        self.assertFalse(quarter.split_mismatch)

    def test_shares_set_by_hand_split_by_those_shares(self):
        quota = self._quota(self.jan, self.team_three, 100_000, minimum=0)
        wizard = self._wizard(quota, mode="owner")
        for line, share in zip(wizard.line_ids, (20, 30, 50), strict=True):
            line.share = share
        self.assertEqual(wizard.line_ids.mapped("target"), [20_000, 30_000, 50_000])
        wizard.action_split()
        self.assertEqual(
            quota.child_ids.sorted("id").mapped("target"), [20_000, 30_000, 50_000]
        )

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
        self._wizard(
            draft, user=self.team_manager, mode="owner", include_leader=True
        ).action_split()
        self.assertEqual(len(draft.child_ids), 2)
        wizard = self._wizard(confirmed, user=self.team_manager)
        with self.assertRaisesRegex(UserError, "only a sales director"):
            wizard.action_split()
        self.assertFalse(confirmed.child_ids)
        # the director may
        self._wizard(confirmed, user=self.director).action_split()
        self.assertEqual(len(confirmed.child_ids), 3)
