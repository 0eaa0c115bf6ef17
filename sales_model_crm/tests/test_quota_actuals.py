# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


class QuotaDocumentsMixin:
    """Orders, invoices and payments on fixed dates of 2030."""

    @classmethod
    def _product(cls, name, category=None):
        return cls.env["product.product"].create(
            {
                "name": name,
                "list_price": 100,
                "categ_id": (
                    category or cls.env.ref("product.product_category_all")
                ).id,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _invoice_on(cls, partner, amount, day, user=None, product=None, refund=False):
        move = (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": "out_refund" if refund else "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": day,
                    "invoice_user_id": (user or partner.user_id).id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Bottled water 18.9 L",
                                "product_id": product.id if product else False,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        move.action_post()
        return move

    @classmethod
    def _pay(cls, invoice, amount, day):
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"payment_date": day, "amount": amount})
        )
        return wizard._create_payments()

    @classmethod
    def _order(cls, partner, amount, when, user=None, product=None, confirm=True):
        order = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": partner.id,
                    "user_id": (user or partner.user_id).id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": (product or cls.water).id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        if confirm:
            order.action_confirm()
        else:
            order.validity_date = when.date().replace(day=28)
        # confirming dates the order now: put it on the day of the story
        order.date_order = when
        return order

    def _refresh(self, quotas, today=date(2030, 1, 16)):
        self.env["sales.quota.progress"]._refresh(quotas, today=today)
        return quotas


@tagged("post_install", "-at_install")
class TestQuotaActuals(QuotaDocumentsMixin, SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category_water = cls.env["product.category"].create({"name": "Test Water"})
        cls.category_office = cls.env["product.category"].create(
            {"name": "Test Office Supplies"}
        )
        cls.water = cls._product("Test Bucket 18.9 L", cls.category_water)
        cls.toner = cls._product("Test Toner", cls.category_office)

    def test_invoiced_quota_counts_posted_invoices_net_of_refunds(self):
        quota = self._quota(self.jan, self.salesman_li, 30000, basis="invoiced")
        self._invoice_on(self.customer_li, 10000, date(2030, 1, 10))
        self._invoice_on(self.customer_li, 2000, date(2030, 1, 20), refund=True)
        self._invoice_on(self.customer_li, 5000, date(2030, 2, 1))
        self._invoice_on(self.customer_zhang, 7000, date(2030, 1, 12))
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 8000)
        self.assertAlmostEqual(quota.attainment, 8000 / 30000 * 100)

    def test_sales_quota_counts_confirmed_orders_in_the_local_day(self):
        quota = self._quota(self.jan, self.salesman_li, 30000, basis="sales")
        self._order(self.customer_li, 6000, datetime(2030, 1, 10, 3, 0))
        # 31 January 17:00 UTC is 1 February in Beijing: February's sale
        self._order(self.customer_li, 4000, datetime(2030, 1, 31, 17, 0))
        self._order(self.customer_li, 9000, datetime(2030, 1, 12), confirm=False)
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 6000)
        self.assertEqual(quota.in_progress_amount, 9000, "the open quotation")

    def test_collected_quota_counts_payments_on_the_reconciliation_date(self):
        january = self._quota(self.jan, self.salesman_li, 30000, basis="collected")
        february = self._quota(self.feb, self.salesman_li, 30000, basis="collected")
        invoice = self._invoice_on(self.customer_li, 10000, date(2030, 1, 10))
        self._pay(invoice, 6000, date(2030, 2, 5))
        self._refresh(january | february, today=date(2030, 2, 16))
        self.assertEqual(january.actual_amount, 0, "invoiced is not collected")
        self.assertEqual(february.actual_amount, 6000)
        self.assertEqual(february.in_progress_amount, 4000, "the open receivable")

    def test_refund_reconciled_with_invoice_is_not_collected(self):
        quota = self._quota(self.jan, self.salesman_li, 30000, basis="collected")
        invoice = self._invoice_on(self.customer_li, 10000, date(2030, 1, 10))
        refund = self._invoice_on(
            self.customer_li, 10000, date(2030, 1, 11), refund=True
        )
        (invoice | refund).line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        ).reconcile()
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 0)

    def test_team_quota_counts_the_team_documents(self):
        quota = self._quota(self.jan, self.team_wang, 50000)
        self._invoice_on(self.customer_li, 10000, date(2030, 1, 10))
        self._invoice_on(self.customer_zhang, 7000, date(2030, 1, 12))
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 10000)

    def test_agent_quota_counts_sales_through_the_agent(self):
        self.customer_zhang.sales_agent_id = self.agent
        quota = self._quota(self.jan, self.agent, 20000, basis="sales")
        order = self._order(self.customer_zhang, 8000, datetime(2030, 1, 8))
        self.assertEqual(order.sales_agent_id, self.agent)
        self._order(self.customer_li, 3000, datetime(2030, 1, 9))
        invoice = order._create_invoices()
        self.assertEqual(invoice.sales_agent_id, self.agent)
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 8000)

    def test_product_line_quota_counts_only_that_line(self):
        quota = self._quota(
            self.jan,
            self.salesman_li,
            10000,
            product_category_id=self.category_office.id,
        )
        self._invoice_on(self.customer_li, 3000, date(2030, 1, 10), product=self.toner)
        self._invoice_on(self.customer_li, 9000, date(2030, 1, 10), product=self.water)
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 3000)

    def test_collection_counts_for_a_product_line_in_its_share(self):
        quota = self._quota(
            self.feb,
            self.salesman_li,
            10000,
            basis="collected",
            product_category_id=self.category_office.id,
        )
        invoice = self._invoice_on(
            self.customer_li, 2000, date(2030, 1, 10), product=self.toner
        )
        invoice.button_draft()
        invoice.write(
            {
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.water.id,
                            "quantity": 1,
                            "price_unit": 6000,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ]
            }
        )
        invoice.action_post()
        self._pay(invoice, 4000, date(2030, 2, 5))
        self._refresh(quota)
        self.assertAlmostEqual(quota.actual_amount, 1000, 2, "a quarter of 4,000")

    def test_region_quota_counts_customers_of_the_region_and_below(self):
        north = self.env["sales.region"].create({"name": "Test North China"})
        beijing = self.env["sales.region"].create(
            {"name": "Test Beijing", "parent_id": north.id}
        )
        self.customer_li.sales_region_id = beijing
        other = self._create_customer("Test Shanghai Buyer", self.salesman_li)
        quota = self._quota(self.jan, self.salesman_li, 10000, region_id=north.id)
        self._invoice_on(self.customer_li, 4000, date(2030, 1, 10))
        self._invoice_on(other, 5000, date(2030, 1, 10))
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 4000)

    def test_tier_quota_counts_customers_of_the_tier(self):
        self.customer_li.with_company(self.company).write(
            {"sales_tier_id": self.tier_platinum.id}
        )
        other = self._create_customer("Test Small Shop", self.salesman_li)
        quota = self._quota(
            self.jan, self.salesman_li, 10000, customer_tier_id=self.tier_platinum.id
        )
        self._invoice_on(self.customer_li, 4000, date(2030, 1, 10))
        self._invoice_on(other, 5000, date(2030, 1, 10))
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 4000)

    def test_won_deals_quota_counts_deals_won_in_the_period(self):
        quota = self._quota(self.jan, self.salesman_li, 5, basis="won_deals")
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Test deal {index}",
                    "type": "opportunity",
                    "partner_id": self.customer_li.id,
                    "user_id": self.salesman_li.id,
                    "company_id": self.company.id,
                }
                for index in range(3)
            ]
        )
        leads[:2].write({"stage_id": won_stage.id})
        leads[:2].write({"date_closed": datetime(2030, 1, 10)})
        leads[2].write({"probability": 50, "date_deadline": date(2030, 1, 25)})
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 2)
        self.assertEqual(quota.in_progress_amount, 0.5, "one deal at 50 %")
        self.assertFalse(quota.display_currency_id, "a count has no currency")

    def test_new_customers_quota_counts_first_orders_only(self):
        quota = self._quota(self.feb, self.salesman_li, 3, basis="new_customers")
        newcomer = self._create_customer("Test Newcomer Ltd", self.salesman_li)
        self._order(self.customer_li, 1000, datetime(2030, 1, 5))
        self._order(self.customer_li, 1000, datetime(2030, 2, 5))
        self._order(newcomer, 1000, datetime(2030, 2, 6))
        self._order(newcomer, 1000, datetime(2030, 2, 7))
        self._refresh(quota)
        self.assertEqual(quota.actual_amount, 1)

    def test_in_progress_holds_weighted_pipeline_without_double_counting(self):
        quota = self._quota(self.jan, self.salesman_li, 30000, basis="sales")
        self.env["crm.lead"].create(
            {
                "name": "Test office water contract",
                "type": "opportunity",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
                "expected_revenue": 20000,
                "probability": 30,
                "date_deadline": date(2030, 1, 28),
                "company_id": self.company.id,
            }
        )
        quoted = self.env["crm.lead"].create(
            {
                "name": "Test quoted deal",
                "type": "opportunity",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
                "expected_revenue": 50000,
                "probability": 60,
                "company_id": self.company.id,
            }
        )
        quotation = self._order(
            self.customer_li, 5000, datetime(2030, 1, 12), confirm=False
        )
        quotation.opportunity_id = quoted
        self._refresh(quota)
        self.assertEqual(quota.in_progress_amount, 6000 + 5000)

    def test_in_progress_counts_once_in_the_period_holding_today(self):
        months = self.jan | self.feb | self.mar
        quotas = self.env["sales.quota"].concat(
            *(
                self._quota(month, self.salesman_li, 30000, basis="sales")
                for month in months
            )
        )
        # open now: a quotation of 9,000 and a deal of 20,000 at 30 % without
        # a date; expected on 10 March: a deal of 10,000 at 50 %
        self._order(self.customer_li, 9000, datetime(2030, 1, 12), confirm=False)
        self.env["crm.lead"].create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": self.customer_li.id,
                    "user_id": self.salesman_li.id,
                    "expected_revenue": revenue,
                    "probability": probability,
                    "date_deadline": deadline,
                    "company_id": self.company.id,
                }
                for name, revenue, probability, deadline in (
                    ("Test undated deal", 20000, 30, False),
                    ("Test March deal", 10000, 50, date(2030, 3, 10)),
                )
            ]
        )
        self._refresh(quotas, today=date(2030, 1, 16))
        january, february, march = quotas
        self.assertEqual(january.in_progress_amount, 9000 + 6000, "open now")
        self.assertEqual(february.in_progress_amount, 0, "not repeated")
        self.assertEqual(march.in_progress_amount, 5000, "expected in March only")
        self.assertEqual(sum(quotas.mapped("in_progress_amount")), 20000)

    def test_settled_period_keeps_frozen_actuals(self):
        quota = self._quota(self.jan, self.salesman_li, 30000)
        self._invoice_on(self.customer_li, 10000, date(2030, 1, 10))
        quota.action_confirm()
        settlement = self.env["sales.quota.settlement"]._settle(
            quota, today=date(2030, 2, 3)
        )
        self._invoice_on(self.customer_li, 5000, date(2030, 1, 11))
        self._refresh(quota, today=date(2030, 2, 4))
        self.assertEqual(quota.state, "closed")
        self.assertEqual(quota.actual_amount, 10000)
        self.assertEqual(settlement.actual_amount, 10000)

    def test_refresh_costs_the_same_queries_for_many_quotas(self):
        periods = self.feb | self.mar | self.q1
        few = self.env["sales.quota"]
        many = self.env["sales.quota"]
        for period in periods:
            few |= self._quota(period, self.salesman_li, 1000)
            for user in self.salesman_zhang | self.team_manager | self.salesman_all:
                many |= self._quota(period, user, 1000)
        many |= few
        for basis in ("invoiced", "sales", "collected", "won_deals"):
            many.write({"basis": basis})
            self.assertEqual(self._count_queries(few), self._count_queries(many), basis)

    def _count_queries(self, quotas):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self._refresh(quotas)
        return self.cr.sql_log_count - before
