# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_model_depth = fields.Boolean(
        related="company_id.sales_model_depth", readonly=False
    )
    sales_model_channel = fields.Boolean(
        related="company_id.sales_model_channel", readonly=False
    )
    sales_model_direct = fields.Boolean(
        related="company_id.sales_model_direct", readonly=False
    )
    sales_partner_visibility = fields.Selection(
        related="company_id.sales_partner_visibility", readonly=False
    )
    sales_tier_basis = fields.Selection(
        related="company_id.sales_tier_basis", readonly=False
    )
    sales_tier_window_months = fields.Integer(
        related="company_id.sales_tier_window_months", readonly=False
    )
    sales_profile_shareholders = fields.Boolean(
        related="company_id.sales_profile_shareholders", readonly=False
    )
    sales_profile_organization = fields.Boolean(
        related="company_id.sales_profile_organization", readonly=False
    )
    sales_profile_decision = fields.Boolean(
        related="company_id.sales_profile_decision", readonly=False
    )
    sales_profile_family = fields.Boolean(
        related="company_id.sales_profile_family", readonly=False
    )
    sales_profile_hobbies = fields.Boolean(
        related="company_id.sales_profile_hobbies", readonly=False
    )
    sales_profile_experience = fields.Boolean(
        related="company_id.sales_profile_experience", readonly=False
    )

    def action_sales_model_recompute_tiers(self):
        self.ensure_one()
        return self.env["sales.customer.tier"].action_recompute_tiers()

    # --- proactive customer care

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
