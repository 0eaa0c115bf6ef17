# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import Command

from .common import SalesModelCommon


class SalesCustomerCareCommon(SalesModelCommon):
    """The water company's consumables: an 18.9 L bucket lasts a household 7
    days, a toner cartridge an office 60 days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engine = cls.env["sales.purchase.cycle.engine"]
        cls.reminder = cls.env["sales.purchase.cycle.reminder"]
        # the purchase cycles and return visits count the company's days (Li
        # has no time zone of her own)
        cls.today = cls.company._sales_today()
        cls.water = cls._create_product("Test Water Bucket 18.9 L", 7)
        cls.toner = cls._create_product("Test Toner Cartridge", 60)
        cls.dispenser = cls._create_product("Test Water Dispenser", 0)
        cls.customer_li.write({"email": "office@zhilian.example", "street": "1 Road"})

    @classmethod
    def _create_product(cls, name, days):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "list_price": 20,
                "invoice_policy": "order",
                "sales_days_per_unit": days,
            }
        )

    @classmethod
    def _order(cls, customer, product, quantity, days_ago, confirm=True):
        order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": quantity}
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
            # confirming stamps the order with now: date it back
            order.date_order = datetime.combine(
                cls.today - timedelta(days=days_ago), time(9)
            )
        return order

    def _activities(self, partner, xmlid):
        """The activities of ``xmlid``'s type on ``partner``, done or not."""
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", partner.id),
                    ("activity_type_id", "=", self.env.ref(xmlid).id),
                ]
            )
        )

    def _cycle(self, customer, product):
        self.engine._recompute_cycles(self.company)
        return self.env["sales.purchase.cycle"].search(
            [("partner_id", "=", customer.id), ("product_id", "=", product.id)]
        )

    def _days(self, days):
        return self.today + timedelta(days=days)
