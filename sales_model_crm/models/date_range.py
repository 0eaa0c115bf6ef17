# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class DateRangeType(models.Model):
    _inherit = "date.range.type"

    sales_cycle = fields.Selection(
        [
            ("week", "Week"),
            ("month", "Month"),
            ("quarter", "Quarter"),
            ("year", "Year"),
            ("custom", "Custom"),
        ],
        string="Assessment Cycle",
        help="Set on the period types used to assess sales quotas.",
    )


class DateRange(models.Model):
    _inherit = "date.range"

    sales_cycle = fields.Selection(related="type_id.sales_cycle", store=True)

    def _sales_sub_periods(self, cycle=None):
        """The assessment periods nested in this one (a quarter's months)."""
        self.ensure_one()
        domain = [
            ("date_start", ">=", self.date_start),
            ("date_end", "<=", self.date_end),
            ("id", "!=", self.id),
            ("type_id.sales_cycle", "!=", False),
            ("company_id", "in", [self.company_id.id, False]),
        ]
        if cycle:
            domain.append(("type_id.sales_cycle", "=", cycle))
        return self.search(domain, order="date_start")
