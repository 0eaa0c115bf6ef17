# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged, users

from .common_customer_care import SalesCustomerCareCommon


@tagged("post_install", "-at_install")
class TestPurchaseCycle(SalesCustomerCareCommon):
    """The predictions: water buckets and toner cartridges, and every edge."""

    def test_first_water_purchase_predicted_from_the_product_cycle(self):
        self._order(self.customer_li, self.water, 2, days_ago=3)
        cycle = self._cycle(self.customer_li, self.water)
        # 2 buckets x 7 days: expected 14 days after the order, reminded at
        # 80 % of the supply (day 11), low confidence
        self.assertRecordValues(
            cycle,
            [
                {
                    "order_count": 1,
                    "last_quantity": 2,
                    "supply_days": 14,
                    "expected_date": self._days(11),
                    "reminder_date": self._days(8),
                    "confidence": 25,
                    "confidence_level": "low",
                    "state": "planned",
                    "user_id": self.salesman_li.id,
                }
            ],
        )

    def test_regular_household_gains_confidence(self):
        for days_ago in (42, 28, 14, 0):
            self._order(self.customer_li, self.water, 2, days_ago)
        cycle = self._cycle(self.customer_li, self.water)
        # observed 42 days / 6 buckets = 7 days a bucket, as the product says;
        # intervals all regular: (4 - 1) / 4 = 75 %
        self.assertRecordValues(
            cycle,
            [
                {
                    "order_count": 4,
                    "observed_days_per_unit": 7,
                    "expected_date": self._days(14),
                    "confidence": 75,
                    "confidence_level": "high",
                }
            ],
        )

    def test_observed_consumption_blends_in_from_the_third_order(self):
        # this family drinks a bucket every 5 days, not 7
        for days_ago in (30, 20, 10, 0):
            self._order(self.customer_li, self.water, 2, days_ago)
        cycle = self._cycle(self.customer_li, self.water)
        # weight (4 - 1) / (4 + 1) = 0.6: 0.4 x 7 + 0.6 x 5 = 5.8 days a
        # bucket, 2 buckets = 11.6 days, expected in 12
        self.assertEqual(cycle.observed_days_per_unit, 5)
        self.assertAlmostEqual(cycle.supply_days, 11.6)
        self.assertEqual(cycle.expected_date, self._days(12))

    def test_two_orders_use_the_product_cycle_only(self):
        self._order(self.customer_li, self.toner, 1, days_ago=110)
        self._order(self.customer_li, self.toner, 1, days_ago=55)
        cycle = self._cycle(self.customer_li, self.toner)
        # one cartridge, 60 days: expected 5 days from now, reminded from
        # day 48 (7 days ago): due, medium confidence
        self.assertRecordValues(
            cycle,
            [
                {
                    "expected_date": self._days(5),
                    "reminder_date": self._days(-7),
                    "confidence": 40,
                    "confidence_level": "medium",
                    "state": "due",
                }
            ],
        )

    def test_quantity_change_scales_the_supply(self):
        self._order(self.customer_li, self.toner, 1, days_ago=70)
        self._order(self.customer_li, self.toner, 3, days_ago=10)
        cycle = self._cycle(self.customer_li, self.toner)
        self.assertEqual(cycle.expected_date, self._days(170))

    def test_irregular_buyer_gets_low_confidence(self):
        for days_ago in (60, 50, 20, 15):
            self._order(self.customer_li, self.water, 1, days_ago)
        cycle = self._cycle(self.customer_li, self.water)
        self.assertEqual(cycle.confidence_level, "low")

    def test_returned_buckets_do_not_cover(self):
        order = self._order(self.customer_li, self.water, 4, days_ago=2)
        refund = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": self.customer_li.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.water.id,
                            "quantity": 2,
                            "price_unit": 20,
                            "tax_ids": [Command.clear()],
                            "sale_line_ids": [Command.link(order.order_line.id)],
                        }
                    )
                ],
            }
        )
        refund.action_post()
        cycle = self._cycle(self.customer_li, self.water)
        self.assertEqual(cycle.last_quantity, 2)
        self.assertEqual(cycle.expected_date, self._days(12))

    def test_fully_returned_order_is_no_purchase(self):
        self._order(self.customer_li, self.water, 2, days_ago=20)
        order = self._order(self.customer_li, self.water, 2, days_ago=2)
        order.order_line.product_uom_qty = 0  # returned at the door
        cycle = self._cycle(self.customer_li, self.water)
        self.assertEqual(cycle.last_order_date, self._days(-20))

    def test_contacts_orders_count_for_their_company(self):
        self._order(self.contact_li, self.water, 2, days_ago=3)
        self.assertTrue(self._cycle(self.customer_li, self.water))

    def test_products_without_cycle_are_not_tracked(self):
        self._order(self.customer_li, self.dispenser, 1, days_ago=3)
        self.assertFalse(self._cycle(self.customer_li, self.dispenser))

    def test_archived_product_leaves_the_list(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self.assertEqual(self._cycle(self.customer_li, self.water).state, "due")
        self.water.active = False
        cycle = self._cycle(self.customer_li, self.water)
        self.assertEqual(cycle.state, "none")
        self.assertFalse(cycle.expected_date)
        self.water.active = True

    def test_customer_who_stopped_buying_is_at_risk(self):
        self._order(self.customer_li, self.water, 2, days_ago=30)
        cycle = self._cycle(self.customer_li, self.water)
        # 30 days after a 14-day supply: two expected dates missed
        self.assertRecordValues(cycle, [{"missed_cycles": 2, "state": "at_risk"}])

    def test_at_risk_threshold_is_a_company_setting(self):
        self.company.sales_cycle_at_risk_cycles = 3
        self._order(self.customer_li, self.water, 2, days_ago=30)
        self.assertEqual(self._cycle(self.customer_li, self.water).state, "overdue")

    def test_customer_override_replaces_the_product_cycle(self):
        self._order(self.customer_li, self.water, 10, days_ago=1)
        cycle = self._cycle(self.customer_li, self.water)
        # a school: one bucket a day; the prediction follows at once
        cycle.days_per_unit_override = 1
        self.assertEqual(cycle.expected_date, self._days(9))

    def test_override_tracks_a_product_without_cycle(self):
        self._order(self.customer_li, self.dispenser, 1, days_ago=1)
        cycle = self.env["sales.purchase.cycle"].create(
            {
                "partner_id": self.customer_li.id,
                "product_id": self.dispenser.id,
                "days_per_unit_override": 365,
            }
        )
        self.assertEqual(cycle.expected_date, self._days(364))

    def test_rerun_on_unchanged_data_writes_nothing(self):
        self._order(self.customer_li, self.water, 2, days_ago=3)
        self._cycle(self.customer_li, self.water)
        done, remaining = self.engine._recompute_cycles(self.company)
        self.assertEqual((done, remaining), (0, 0))

    def test_limit_leaves_the_rest_for_the_next_run(self):
        self._order(self.customer_li, self.water, 2, days_ago=3)
        self._order(self.customer_zhang, self.water, 2, days_ago=3)
        self.assertEqual(self.engine._recompute_cycles(self.company, limit=1), (1, 1))
        self.assertEqual(self.engine._recompute_cycles(self.company, limit=1), (1, 0))

    def test_queries_do_not_grow_with_customers(self):
        def run():
            self.env.invalidate_all()
            queries = self.env.cr.sql_log_count
            self.engine._recompute_cycles(self.company)
            return self.env.cr.sql_log_count - queries

        self._order(self.customer_li, self.water, 2, days_ago=3)
        few = run()
        for index in range(12):
            customer = self._create_customer(
                f"Test Household {index}", self.salesman_li
            )
            self._order(customer, self.water, 2, days_ago=3)
            self._order(customer, self.toner, 1, days_ago=5)
        self.assertEqual(run(), few)

    def test_due_to_buy_count_on_the_customer(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._cycle(self.customer_li, self.water)
        self.assertEqual(self.customer_li.sales_due_cycle_count, 1)
        self.assertEqual(self.contact_li.sales_due_cycle_count, 1)

    @users("smc_li")
    def test_salesperson_sees_own_customers_cycles_only(self):
        self._order(self.customer_li, self.water, 2, days_ago=3)
        self._order(self.customer_zhang, self.water, 2, days_ago=3)
        self.engine.sudo()._recompute_cycles(self.company)
        cycles = self.env["sales.purchase.cycle"].search([])
        self.assertEqual(cycles.partner_id, self.customer_li)

    @users("smc_wang")
    def test_team_manager_sees_the_team_customers_cycles(self):
        self._order(self.customer_li, self.water, 2, days_ago=3)
        self._order(self.customer_zhang, self.water, 2, days_ago=3)
        self.engine.sudo()._recompute_cycles(self.company)
        cycles = self.env["sales.purchase.cycle"].search([])
        self.assertEqual(cycles.partner_id, self.customer_li)

    def test_quantity_in_another_unit_is_converted(self):
        order = self._order(self.customer_li, self.water, 1, days_ago=1, confirm=False)
        order.order_line.product_uom = self.env.ref("uom.product_uom_dozen")
        order.action_confirm()
        order.date_order = order.date_order - timedelta(days=1)
        cycle = self._cycle(self.customer_li, self.water)
        # a dozen buckets: 12 x 7 days
        self.assertEqual(cycle.last_quantity, 12)
        self.assertEqual(cycle.supply_days, 84)

    @users("smc_li")
    def test_cycles_of_another_company_are_hidden(self):
        # created by OdooBot: the creator gets access to a new company
        other = (
            self.env["res.company"]
            .with_user(self.env.ref("base.user_root"))
            .create({"name": "Test Other Water Co"})
        )
        hidden = (
            self.env["sales.purchase.cycle"]
            .sudo()
            .create(
                {
                    "partner_id": self.customer_li.id,
                    "product_id": self.water.id,
                    "company_id": other.id,
                    "days_per_unit_override": 7,
                }
            )
        )
        cycles = self.env["sales.purchase.cycle"].search([])
        self.assertNotIn(hidden.id, cycles.ids)
