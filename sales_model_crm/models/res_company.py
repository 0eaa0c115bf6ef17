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
