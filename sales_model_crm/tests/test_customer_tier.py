# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged, users

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestCustomerTier(SalesModelCommon):
    """'20 % of the customers make 80 % of the revenue': the tiering rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ten customers; the first two make 80 % of a 1,000,000 revenue
        cls.ranked = cls.env["res.partner"]
        amounts = [
            500_000,
            300_000,
            60_000,
            40_000,
            30_000,
            30_000,
            20_000,
            10_000,
            6_000,
            4_000,
        ]
        for index, amount in enumerate(amounts):
            customer = cls._create_customer(f"Test Ranked {index:02d}", cls.salesman_li)
            cls._invoice(customer, amount)
            cls.ranked |= customer

    def test_customers_making_first_80_percent_are_platinum(self):
        self._retier()
        self.assertEqual(self._tier_of(self.ranked[0]), self.tier_platinum)
        self.assertEqual(self._tier_of(self.ranked[1]), self.tier_platinum)

    def test_customer_crossing_the_cut_belongs_to_the_tier(self):
        # 500k + 300k = 80 % exactly before the third: the second crosses 50 %
        # -> 80 %, the third starts at 80 % and is therefore gold
        self._retier()
        self.assertEqual(self._tier_of(self.ranked[2]), self.tier_gold)

    def test_following_tiers_take_the_next_shares(self):
        self._retier()
        tiers = [self._tier_of(customer) for customer in self.ranked]
        # cumulative share before each: 0, 50, 80, 86, 90, 90 (tie), 96, 98, 99,
        # 99.6 against the cuts 80 / 95 / 99 / 100
        expected = [self.tier_platinum] * 2 + [self.tier_gold] * 4
        expected += [self.tier_silver] * 2 + [self.tier_ordinary] * 2
        self.assertEqual(tiers, expected)

    def test_ties_at_a_cut_fall_on_the_same_side(self):
        # customers 4 and 5 both have 30,000: the share before both is 90 %
        self._retier()
        self.assertEqual(self._tier_of(self.ranked[4]), self._tier_of(self.ranked[5]))

    def test_refunds_larger_than_invoices_give_the_lowest_tier(self):
        customer = self._create_customer("Test Refunded", self.salesman_li)
        self._invoice(customer, 1_000)
        self._invoice(customer, 3_000, refund=True)
        self._retier()
        self.assertEqual(self._tier_of(customer), self.tier_ordinary)

    def test_customer_without_revenue_stays_untiered(self):
        customer = self._create_customer("Test Silent", self.salesman_li)
        self._retier()
        self.assertFalse(self._tier_of(customer))

    def test_customer_without_revenue_any_more_falls_to_lowest_tier(self):
        customer = self._create_customer("Test Lapsed", self.salesman_li)
        customer.with_company(self.company).with_context(
            sales_model_tiering=True
        ).sudo().write({"sales_tier_id": self.tier_gold.id})
        self._retier()
        self.assertEqual(self._tier_of(customer), self.tier_ordinary)

    def test_revenue_outside_the_window_does_not_count(self):
        customer = self._create_customer("Test Old Buyer", self.salesman_li)
        self._invoice(customer, 900_000, days_ago=400)
        self._retier()
        self.assertFalse(self._tier_of(customer))

    def test_invoice_to_a_contact_tiers_the_company(self):
        company = self._create_customer("Test Parent Co", self.salesman_li)
        contact = self.env["res.partner"].create(
            {"name": "Test Buyer Person", "parent_id": company.id}
        )
        self._invoice(contact, 2_000_000)
        self._retier()
        self.assertEqual(self._tier_of(company), self.tier_platinum)
        self.assertFalse(self._tier_of(contact))

    def test_archived_customer_keeps_its_tier(self):
        self._retier()
        customer = self.ranked[0]
        customer.action_archive()
        self._invoice(self.ranked[9], 9_000_000)
        self._retier()
        self.assertEqual(self._tier_of(customer), self.tier_platinum)

    def test_locked_tier_is_left_alone(self):
        customer = self.ranked[9]
        customer.with_company(self.company).write(
            {"sales_tier_id": self.tier_platinum.id}
        )
        self._retier()
        self.assertEqual(self._tier_of(customer), self.tier_platinum)

    def test_revenue_floor_keeps_small_customers_out(self):
        self.tier_platinum.revenue_floor = 400_000
        self._retier()
        self.assertEqual(self._tier_of(self.ranked[0]), self.tier_platinum)
        self.assertEqual(self._tier_of(self.ranked[1]), self.tier_gold)

    def test_confirmed_sales_basis_ranks_by_orders(self):
        self.company.sales_tier_basis = "sales"
        customer = self._create_customer("Test Big Order", self.salesman_li)
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": self.company.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self._product().id,
                            "product_uom_qty": 1,
                            "price_unit": 10_000_000,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        self._retier()
        self.assertEqual(self._tier_of(customer), self.tier_platinum)
        self.assertFalse(self._tier_of(self.ranked[0]))

    def test_rerun_on_unchanged_data_changes_nothing(self):
        self._retier()
        self.assertEqual(self._retier(), 0)

    def test_each_change_is_kept_as_history_with_figures(self):
        self._retier()
        history = self.env["sales.customer.tier.history"].search(
            [("partner_id", "=", self.ranked[0].id)]
        )
        self.assertRecordValues(
            history,
            [
                {
                    "change": "first",
                    "new_tier_id": self.tier_platinum.id,
                    "revenue": 500_000,
                    "share": 50.0,
                    "rank": 1,
                }
            ],
        )

    def test_promotion_is_shown_in_the_chatter(self):
        self._retier()
        self._invoice(self.ranked[2], 2_000_000)
        self._retier()
        message = self.ranked[2].message_ids[:1]
        self.assertIn("Promotion", message.body)
        self.assertIn(self.tier_platinum.name, message.body)

    def test_first_tier_is_kept_in_history_without_a_chatter_note(self):
        self._retier()
        notes = self.ranked[0].message_ids.filtered(
            lambda message: "→" in (message.body or "")
        )
        self.assertFalse(notes)

    def test_demotion_is_recorded(self):
        self._retier()
        self._invoice(self.ranked[9], 9_000_000)
        self._retier()
        history = self.env["sales.customer.tier.history"].search(
            [("partner_id", "=", self.ranked[1].id)], limit=1
        )
        self.assertEqual(history.change, "demotion")

    def test_interrupted_run_resumes_without_doing_anything_twice(self):
        done, remaining = self.tiering._recompute_tiers(self.company, limit=4)
        self.assertEqual((done, remaining), (4, 6))
        done, remaining = self.tiering._recompute_tiers(self.company, limit=100)
        self.assertEqual((done, remaining), (6, 0))
        histories = self.env["sales.customer.tier.history"].search_count(
            [("partner_id", "in", self.ranked.ids)]
        )
        self.assertEqual(histories, 10)

    def test_cron_retiers_every_company(self):
        self.tiering._cron_recompute_tiers()
        self.assertEqual(self._tier_of(self.ranked[0]), self.tier_platinum)

    def test_each_company_is_tiered_on_its_own_revenue(self):
        company_b = self._create_company_with_chart("Test Office Supplies Co")
        self._invoice(self.ranked[9], 1_000_000, company=company_b)
        self._retier()
        self._retier(company_b)
        self.assertEqual(self._tier_of(self.ranked[9]), self.tier_ordinary)
        self.assertEqual(self._tier_of(self.ranked[9], company_b), self.tier_platinum)
        self.assertFalse(self._tier_of(self.ranked[0], company_b))

    def test_company_with_own_tiers_uses_them(self):
        own = self.env["sales.customer.tier"].create(
            [
                {
                    "name": "Test Key Account",
                    "sequence": 1,
                    "cumulative_share": 50,
                    "company_id": self.company.id,
                },
                {
                    "name": "Test Other",
                    "sequence": 2,
                    "cumulative_share": 100,
                    "company_id": self.company.id,
                },
            ]
        )
        self._retier()
        self.assertEqual(self._tier_of(self.ranked[0]), own[0])
        self.assertEqual(self._tier_of(self.ranked[1]), own[1])

    def test_tier_share_must_be_between_0_and_100(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.tier_gold.cumulative_share = 120

    def test_tiers_must_widen_from_best_to_broadest(self):
        with self.assertRaises(ValidationError):
            self.tier_gold.cumulative_share = 50

    def test_tier_window_must_be_sensible(self):
        with self.assertRaises(ValidationError):
            self.company.sales_tier_window_months = 0

    @users("smc_wang")
    def test_manager_setting_a_tier_by_hand_locks_it_and_logs_it(self):
        customer = self.customer_li.with_env(self.env)
        customer.sales_tier_id = self.tier_gold
        self.assertTrue(customer.sales_tier_locked)
        history = self.env["sales.customer.tier.history"].search(
            [("partner_id", "=", customer.id)]
        )
        self.assertEqual(history.change, "manual")

    @users("smc_li")
    def test_salesperson_cannot_set_a_tier(self):
        customer = self.customer_li.with_env(self.env)
        with self.assertRaises(AccessError):
            customer.sales_tier_id = self.tier_platinum

    @users("smc_li")
    def test_salesperson_cannot_recompute_tiers(self):
        with self.assertRaises(AccessError):
            self.env["sales.customer.tier"].action_recompute_tiers()

    @users("smc_wang")
    def test_manager_recomputes_tiers_with_a_button(self):
        action = self.env["sales.customer.tier"].action_recompute_tiers()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self._tier_of(self.ranked[0].sudo()), self.tier_platinum)

    def test_pareto_view_shows_cumulative_share_and_percentile(self):
        self._retier()
        rows = self.env["sales.customer.pareto"].search(
            [
                ("company_id", "=", self.company.id),
                ("partner_id", "in", self.ranked.ids),
            ]
        )
        first = rows.filtered(lambda row: row.partner_id == self.ranked[0])
        self.assertRecordValues(
            first,
            [
                {
                    "rank": 1,
                    "share": 50.0,
                    "cumulative_share": 50.0,
                    "customer_percentile": 10,
                    "tier_id": self.tier_platinum.id,
                }
            ],
        )

    @classmethod
    def _product(cls):
        return cls.env["product.product"].create(
            {"name": "Test Water Dispenser", "list_price": 100}
        )

    @users("smc_li")
    def test_salesperson_cannot_set_a_tier_through_the_scheduler_context(self):
        customer = self.customer_li.with_env(self.env).with_context(
            sales_model_tiering=True
        )
        with self.assertRaises(AccessError):
            customer.sales_tier_id = self.tier_platinum
