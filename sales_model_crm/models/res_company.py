# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

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
