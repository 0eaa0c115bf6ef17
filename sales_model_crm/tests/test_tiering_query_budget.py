# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestTieringQueryBudget(SalesModelCommon):
    """Tiering costs the same number of queries for 10 and for 200 customers."""

    @classmethod
    def _company_with_customers(cls, name, count):
        company = cls._create_company_with_chart(name)
        customers = cls.env["res.partner"].create(
            [
                {"name": f"{name} customer {index}", "is_company": True}
                for index in range(count)
            ]
        )
        # a skewed revenue: a few customers in every tier
        moves = (
            cls.env["account.move"]
            .with_company(company)
            .create(
                [
                    {
                        "move_type": "out_invoice",
                        "partner_id": customer.id,
                        "invoice_date": cls._today(),
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": "Water",
                                    "quantity": 1,
                                    "price_unit": 1_000_000 / (index + 1) ** 2,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for index, customer in enumerate(customers)
                ]
            )
        )
        moves.action_post()
        return company, customers

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a first company warms the caches both measured runs then share
        cls.company_warm, _customers = cls._company_with_customers("Test Qwarm", 5)
        cls.company_10, cls.customers_10 = cls._company_with_customers("Test Q10", 10)
        cls.company_200, cls.customers_200 = cls._company_with_customers(
            "Test Q200", 200
        )

    def _queries_of_first_tiering(self, company):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.tiering._recompute_tiers(company)
        return self.cr.sql_log_count - before

    def test_tiering_queries_do_not_depend_on_customer_count(self):
        self._queries_of_first_tiering(self.company_warm)
        queries_10 = self._queries_of_first_tiering(self.company_10)
        queries_200 = self._queries_of_first_tiering(self.company_200)
        tiers_10 = set(self.customers_10.with_company(self.company_10).sales_tier_id)
        tiers_200 = set(self.customers_200.with_company(self.company_200).sales_tier_id)
        # the same tiers are written in both runs, so the same statements run
        self.assertEqual(len(tiers_10), 4)
        self.assertEqual(tiers_10, tiers_200)
        self.assertEqual(queries_10, queries_200)
