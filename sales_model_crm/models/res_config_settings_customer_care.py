# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_cycle_reminder_percent = fields.Integer(
        related="company_id.sales_cycle_reminder_percent", readonly=False
    )
    sales_cycle_at_risk_cycles = fields.Integer(
        related="company_id.sales_cycle_at_risk_cycles", readonly=False
    )
    sales_cycle_customer_notice = fields.Selection(
        related="company_id.sales_cycle_customer_notice", readonly=False
    )
    sales_care_greeting_days = fields.Integer(
        related="company_id.sales_care_greeting_days", readonly=False
    )
    sales_care_return_visit_days = fields.Integer(
        related="company_id.sales_care_return_visit_days", readonly=False
    )
    sales_care_return_visit_plan_id = fields.Many2one(
        related="company_id.sales_care_return_visit_plan_id", readonly=False
    )
