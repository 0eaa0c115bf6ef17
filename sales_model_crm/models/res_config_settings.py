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

    # The quota settings of the company, shown in the CRM settings.

    sales_quota_split_check = fields.Selection(
        related="company_id.sales_quota_split_check", readonly=False
    )
    sales_quota_timezone = fields.Selection(
        related="company_id.sales_quota_timezone", readonly=False
    )

    # decomposition defaults and what counts as an effective call
    sales_quota_avg_deal_size = fields.Monetary(
        related="company_id.sales_quota_avg_deal_size",
        currency_field="currency_id",
        readonly=False,
    )
    sales_quota_prospects_per_deal = fields.Float(
        related="company_id.sales_quota_prospects_per_deal", readonly=False
    )
    sales_quota_calls_per_prospect = fields.Float(
        related="company_id.sales_quota_calls_per_prospect", readonly=False
    )
    sales_effective_kind_call = fields.Boolean(
        related="company_id.sales_effective_kind_call", readonly=False
    )
    sales_effective_kind_visit = fields.Boolean(
        related="company_id.sales_effective_kind_visit", readonly=False
    )
    sales_effective_kind_meeting = fields.Boolean(
        related="company_id.sales_effective_kind_meeting", readonly=False
    )
    sales_effective_kind_email = fields.Boolean(
        related="company_id.sales_effective_kind_email", readonly=False
    )
    sales_effective_kind_demo = fields.Boolean(
        related="company_id.sales_effective_kind_demo", readonly=False
    )
    sales_effective_kind_other = fields.Boolean(
        related="company_id.sales_effective_kind_other", readonly=False
    )
    sales_effective_min_minutes = fields.Integer(
        related="company_id.sales_effective_min_minutes", readonly=False
    )
    sales_effective_outcome_reached = fields.Boolean(
        related="company_id.sales_effective_outcome_reached", readonly=False
    )
    sales_effective_outcome_no_answer = fields.Boolean(
        related="company_id.sales_effective_outcome_no_answer", readonly=False
    )
    sales_effective_outcome_interested = fields.Boolean(
        related="company_id.sales_effective_outcome_interested", readonly=False
    )
    sales_effective_outcome_not_interested = fields.Boolean(
        related="company_id.sales_effective_outcome_not_interested", readonly=False
    )
    sales_effective_outcome_follow_up = fields.Boolean(
        related="company_id.sales_effective_outcome_follow_up", readonly=False
    )
    sales_effective_outcome_deal = fields.Boolean(
        related="company_id.sales_effective_outcome_deal", readonly=False
    )

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

    # --- daily execution

    sales_problem_escalation_days = fields.Integer(
        related="company_id.sales_problem_escalation_days", readonly=False
    )
    sales_collection_reminder_days = fields.Integer(
        related="company_id.sales_collection_reminder_days", readonly=False
    )
    sales_pool_enabled = fields.Boolean(
        related="company_id.sales_pool_enabled", readonly=False
    )
    sales_pool_days = fields.Integer(
        related="company_id.sales_pool_days", readonly=False
    )
    sales_pool_claim_limit = fields.Integer(
        related="company_id.sales_pool_claim_limit", readonly=False
    )
