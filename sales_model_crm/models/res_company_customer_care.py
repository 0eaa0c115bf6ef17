# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

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
                    _("The refill reminder must come between 1 % and 100 % of the supply.")
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
