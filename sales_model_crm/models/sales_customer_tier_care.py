# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCustomerTier(models.Model):
    _inherit = "sales.customer.tier"

    care_cadence_days = fields.Integer(
        string="Care Cadence (days)",
        help="Contact the customers of this tier at least every so many days "
        "(a visit record of any kind counts). 0: no cadence.",
    )

    _sql_constraints = [
        (
            "care_cadence_days_positive",
            "CHECK(care_cadence_days >= 0)",
            "The care cadence of a tier cannot be negative.",
        ),
    ]
