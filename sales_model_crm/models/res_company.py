# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.res_partner import _tz_get

EFFECTIVE_KIND_FIELDS = {
    "call": "sales_effective_kind_call",
    "visit": "sales_effective_kind_visit",
    "meeting": "sales_effective_kind_meeting",
    "email": "sales_effective_kind_email",
    "demo": "sales_effective_kind_demo",
    "other": "sales_effective_kind_other",
}

EFFECTIVE_OUTCOME_FIELDS = {
    "reached": "sales_effective_outcome_reached",
    "no_answer": "sales_effective_outcome_no_answer",
    "interested": "sales_effective_outcome_interested",
    "not_interested": "sales_effective_outcome_not_interested",
    "follow_up": "sales_effective_outcome_follow_up",
    "deal": "sales_effective_outcome_deal",
}

BUSINESS_MODEL_GROUPS = {
    "sales_model_depth": "sales_model_crm.group_business_depth",
    "sales_model_channel": "sales_model_crm.group_business_channel",
    "sales_model_direct": "sales_model_crm.group_business_direct",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    # "One engine, three business models": each company says which it runs.
    sales_model_depth = fields.Boolean(
        string="Customer Depth Management",
        default=True,
        help="Tiers, customer profiles, the customer network and the 80/20 "
        "analysis.",
    )
    sales_model_channel = fields.Boolean(
        string="Channel Distribution",
        help="Agents, quotas per region, product line and agent, announcements "
        "to agents.",
    )
    sales_model_direct = fields.Boolean(
        string="Direct Sales",
        help="Daily execution, reviews by tables and the sales funnel.",
    )
    sales_partner_visibility = fields.Selection(
        [("own", "Own customers"), ("team", "Own team's customers")],
        string="Salespeople See",
        default="own",
        required=True,
        help="Which customers a salesperson with 'Own Documents Only' sees and "
        "edits: only those they own, or also those of their sales team.",
    )
    sales_tier_basis = fields.Selection(
        [
            ("invoiced", "Invoiced (posted, net of refunds)"),
            ("sales", "Confirmed sales"),
            ("collected", "Collected payments"),
        ],
        string="Tier Revenue Basis",
        default="invoiced",
        required=True,
    )
    sales_tier_window_months = fields.Integer(
        string="Tier Window (months)",
        default=12,
        help="Revenue is summed over this many months back from today.",
    )
    sales_profile_shareholders = fields.Boolean(string="Shareholders", default=True)
    sales_profile_organization = fields.Boolean(string="Organization", default=True)
    sales_profile_decision = fields.Boolean(string="Decision Background", default=True)
    sales_profile_family = fields.Boolean(string="Family Members", default=True)
    sales_profile_hobbies = fields.Boolean(string="Hobbies", default=True)
    sales_profile_experience = fields.Boolean(string="Work Experience", default=True)

    @api.constrains("sales_tier_window_months")
    def _check_sales_tier_window_months(self):
        for company in self:
            if not 1 <= company.sales_tier_window_months <= 120:
                raise ValidationError(
                    _(
                        "The tier window of %(company)s must be between 1 and 120 "
                        "months.",
                        company=company.name,
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & set(BUSINESS_MODEL_GROUPS):
            self._sales_model_sync_business_model_groups()
        if "sales_partner_visibility" in vals:
            # record rules read this setting: their cached domains are stale now
            self.env.registry.clear_cache()
        return res

    def _sales_model_sync_business_model_groups(self):
        """Show a business model's menus when at least one company runs it.

        Menus are filtered by groups, which are global; per company the flags
        drive the defaults and dashboards.
        """
        # sudo: only settings managers reach this (company write or install);
        # it reads every company's flags and edits group implications, both
        # of which need system rights the current company's admin may lack.
        companies = self.env["res.company"].sudo().search([])
        employee_group = self.env.ref("base.group_user").sudo()
        for flag, xmlid in BUSINESS_MODEL_GROUPS.items():
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if not group:
                continue
            enabled = any(companies.mapped(flag))
            if enabled and group not in employee_group.implied_ids:
                employee_group.write({"implied_ids": [fields.Command.link(group.id)]})
            elif not enabled and group in employee_group.implied_ids:
                employee_group.write({"implied_ids": [fields.Command.unlink(group.id)]})
                group.write({"users": [fields.Command.clear()]})

    sales_quota_split_check = fields.Selection(
        [("warn", "Warn"), ("block", "Block")],
        string="Split Quotas Must Add Up",
        default="warn",
        required=True,
        help="When the parts of a split quota do not add up to it: show a "
        "warning, or refuse to save.",
    )
    sales_quota_timezone = fields.Selection(
        _tz_get,
        string="Quota Time Zone",
        default="Asia/Shanghai",
        help="Orders and reconciliations are dated in this time zone when "
        "they are counted in a period.",
    )

    def _sales_tz(self):
        """The company's time zone: the day its orders and reconciliations
        fall on, and "today" for its scheduled jobs."""
        self.ensure_one()
        return self.sales_quota_timezone or "UTC"

    def _sales_today(self):
        """Today in the company's time zone, not the server's UTC day."""
        return fields.Date.context_today(self.with_context(tz=self._sales_tz()))

    # What counts as an effective call, and the decomposition's fallbacks.
    #
    # The reverse funnel needs three ratios; when neither the quota nor its
    # team sets one, the company's applies (the playbook's 20 prospects per
    # deal and 10 calls per prospect).

    sales_quota_avg_deal_size = fields.Monetary(
        string="Default Average Deal Size",
        currency_field="currency_id",
        help="Used by quotas whose team has no average deal size of its own.",
    )
    sales_quota_prospects_per_deal = fields.Float(
        string="Default Prospects per Deal",
        default=20.0,
        help="Used by quotas whose team has no ratio of its own.",
    )
    sales_quota_calls_per_prospect = fields.Float(
        string="Default Calls per Prospect",
        default=10.0,
        help="Used by quotas whose team has no ratio of its own.",
    )

    # what counts as an effective call (有效拜访)
    sales_effective_kind_call = fields.Boolean(string="Calls Count", default=True)
    sales_effective_kind_visit = fields.Boolean(string="Visits Count", default=True)
    sales_effective_kind_meeting = fields.Boolean(string="Meetings Count")
    sales_effective_kind_email = fields.Boolean(string="E-mails Count")
    sales_effective_kind_demo = fields.Boolean(string="Demos Count")
    sales_effective_kind_other = fields.Boolean(string="Other Interactions Count")
    sales_effective_min_minutes = fields.Integer(
        string="Minimum Duration (minutes)",
        default=0,
        help="Shorter interactions are not effective; 0 counts any duration.",
    )
    sales_effective_outcome_reached = fields.Boolean(
        string="Outcome Reached Counts", default=True
    )
    sales_effective_outcome_no_answer = fields.Boolean(
        string="Outcome No Answer Counts"
    )
    sales_effective_outcome_interested = fields.Boolean(
        string="Outcome Interested Counts", default=True
    )
    sales_effective_outcome_not_interested = fields.Boolean(
        string="Outcome Not Interested Counts", default=True
    )
    sales_effective_outcome_follow_up = fields.Boolean(
        string="Outcome Follow-up Counts", default=True
    )
    sales_effective_outcome_deal = fields.Boolean(
        string="Outcome Deal Counts", default=True
    )

    @api.constrains(
        "sales_quota_avg_deal_size",
        "sales_quota_prospects_per_deal",
        "sales_quota_calls_per_prospect",
        "sales_effective_min_minutes",
    )
    def _check_sales_quota_defaults(self):
        for company in self:
            if (
                company.sales_quota_avg_deal_size < 0
                or company.sales_quota_prospects_per_deal < 0
                or company.sales_quota_calls_per_prospect < 0
            ):
                raise ValidationError(
                    _(
                        "The decomposition ratios of %(company)s cannot be "
                        "negative.",
                        company=company.name,
                    )
                )
            if not 0 <= company.sales_effective_min_minutes <= 24 * 60:
                raise ValidationError(
                    _(
                        "The minimum duration of an effective call of %(company)s "
                        "must be between 0 and 1440 minutes.",
                        company=company.name,
                    )
                )

    def _sales_effective_kinds(self):
        """The sales.activity kinds that count as calls for this company."""
        self.ensure_one()
        return [kind for kind, fname in EFFECTIVE_KIND_FIELDS.items() if self[fname]]

    def _sales_effective_outcomes(self):
        """The sales.activity outcomes that make a call effective."""
        self.ensure_one()
        return [
            outcome
            for outcome, fname in EFFECTIVE_OUTCOME_FIELDS.items()
            if self[fname]
        ]

    def _sales_is_effective_call(self, kind, duration_hours, outcome):
        """Whether an interaction counts toward the daily call target."""
        self.ensure_one()
        if not outcome or kind not in self._sales_effective_kinds():
            return False
        if outcome not in self._sales_effective_outcomes():
            return False
        # durations are kept in hours; half a second of float noise is no call
        return duration_hours * 60 + 1e-6 >= self.sales_effective_min_minutes

    # --- proactive customer care

    sales_cycle_reminder_percent = fields.Integer(
        string="Refill Reminder At (% of supply)",
        default=80,
        help="The salesperson is reminded when the customer has used this share "
        "of the supply bought last time: at 80 %, a 14-day supply is reminded "
        "on day 11, three days before the expected purchase.",
    )
    sales_cycle_at_risk_cycles = fields.Integer(
        string="At Risk After (missed cycles)",
        default=2,
        help="A customer who let this many expected purchase dates pass without "
        "ordering is flagged at risk and no longer reminded.",
    )
    sales_cycle_customer_notice = fields.Selection(
        [("none", "None"), ("email", "Email"), ("sms", "SMS")],
        string="Also Notify the Customer",
        default="none",
        required=True,
        help="Besides the salesperson's activity, send the customer a refill "
        "notice from a template. Customers who opted out are never sent one.",
    )
    sales_care_greeting_days = fields.Integer(
        string="Greetings (days ahead)",
        default=3,
        help="Birthday and anniversary reminders are scheduled this many days "
        "before the date.",
    )
    sales_care_return_visit_days = fields.Integer(
        string="Return Visit After (days)",
        default=7,
        help="A return visit (回访) is scheduled this many days after an order "
        "is delivered (or confirmed, without Inventory) or a deal is won. "
        "0 disables return visits.",
    )
    sales_care_return_visit_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Return Visit Plan",
        domain="[('res_model', '=', 'res.partner')]",
        help="Activities to schedule on the customer for a return visit. Leave "
        "empty for a single return visit activity.",
    )

    @api.constrains(
        "sales_cycle_reminder_percent",
        "sales_cycle_at_risk_cycles",
        "sales_care_greeting_days",
        "sales_care_return_visit_days",
    )
    def _check_sales_customer_care_settings(self):
        for company in self:
            if not 1 <= company.sales_cycle_reminder_percent <= 100:
                raise ValidationError(
                    _(
                        "The refill reminder must come between 1 % and 100 % of "
                        "the supply."
                    )
                )
            if company.sales_cycle_at_risk_cycles < 1:
                raise ValidationError(
                    _("A customer is at risk after at least one missed cycle.")
                )
            if (
                company.sales_care_greeting_days < 0
                or company.sales_care_return_visit_days < 0
            ):
                raise ValidationError(_("Care delays cannot be negative."))

    # customer pool (公海)
    sales_pool_enabled = fields.Boolean(
        string="Customer Pool",
        help="Customers without a visit or an order for a while go back to "
        "the pool, where any salesperson may claim them.",
    )
    sales_pool_days = fields.Integer(
        string="Return to Pool After (days)",
        default=90,
        help="Days without a visit or an order after which a customer goes "
        "back to the pool.",
    )
    sales_pool_claim_limit = fields.Integer(
        string="Pool Claims per 30 Days",
        default=20,
        help="How many pool customers a salesperson may claim in 30 days "
        "(counting those they still own); 0 for no limit.",
    )

    # daily execution: problems and collection reminders
    sales_problem_escalation_days = fields.Integer(
        string="Escalate Problems After (days)",
        default=3,
        help="A problem open for this many days is sent to the owner's team "
        "leader as an activity (0: never).",
    )
    sales_collection_reminder_days = fields.Integer(
        string="Collection Reminder (days before)",
        default=3,
        help="How many days before an installment is due its salesperson is "
        "reminded.",
    )

    @api.constrains("sales_pool_days", "sales_pool_claim_limit")
    def _check_sales_pool_settings(self):
        for company in self:
            if company.sales_pool_days < 1 or company.sales_pool_claim_limit < 0:
                raise ValidationError(
                    _(
                        "Customers go back to the pool after at least one day, "
                        "and the claim limit cannot be negative."
                    )
                )

    @api.constrains("sales_problem_escalation_days", "sales_collection_reminder_days")
    def _check_sales_execution_settings(self):
        # a negative delay was stored and then silently never (or always) fired
        for company in self:
            if (
                company.sales_problem_escalation_days < 0
                or company.sales_collection_reminder_days < 0
            ):
                raise ValidationError(
                    _(
                        "The problem escalation and collection reminder delays "
                        "cannot be negative."
                    )
                )
