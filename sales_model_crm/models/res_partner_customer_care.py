# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    sales_no_marketing = fields.Boolean(
        string="No Marketing",
        tracking=True,
        help="The customer asked not to receive marketing: no audience mailing, "
        "SMS or direct mail, and no refill or greeting notice.",
    )
    sales_purchase_cycle_ids = fields.One2many(
        "sales.purchase.cycle", "partner_id", string="Purchase Cycles"
    )
    sales_due_cycle_count = fields.Integer(
        string="Due to Buy", compute="_compute_sales_due_cycle_count"
    )
    sales_care_cadence_days = fields.Integer(
        string="Care Cadence (days)",
        compute="_compute_sales_care",
        help="From the customer's tier: how often the salesperson should be in "
        "touch.",
    )
    sales_care_due_date = fields.Date(
        string="Next Care Contact",
        compute="_compute_sales_care",
    )
    sales_care_overdue = fields.Boolean(
        string="Care Overdue",
        compute="_compute_sales_care",
        search="_search_sales_care_overdue",
        help="No visit record within the care cadence of the customer's tier.",
    )

    def _compute_sales_due_cycle_count(self):
        groups = self.env["sales.purchase.cycle"]._read_group(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("state", "in", ("due", "overdue")),
            ],
            groupby=["partner_id"],
            aggregates=["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.sales_due_cycle_count = counts.get(
                partner.commercial_partner_id.id, 0
            )

    @api.depends_context("company")
    @api.depends("sales_tier_id.care_cadence_days", "sales_last_activity_date")
    def _compute_sales_care(self):
        today = fields.Date.context_today(self)
        for partner in self:
            commercial = partner.commercial_partner_id
            cadence = commercial.sales_tier_id.care_cadence_days
            partner.sales_care_cadence_days = cadence
            if not cadence or not commercial.id:
                partner.sales_care_due_date = False
                partner.sales_care_overdue = False
                continue
            last = commercial.sales_last_activity_date
            due = (last.date() + timedelta(days=cadence)) if last else today
            partner.sales_care_due_date = due
            partner.sales_care_overdue = due <= today if last else True

    def _search_sales_care_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        # raw SQL: the ORM does not know to flush what it reads
        self.env["sales.activity"].flush_model(["date", "commercial_partner_id"])
        self.env["res.partner"].flush_model(["sales_tier_id", "commercial_partner_id"])
        overdue = SQL(
            """
            (SELECT partner.id
              FROM res_partner partner
              JOIN sales_customer_tier tier
                ON tier.id = (partner.sales_tier_id ->> %(company_key)s)::int
             WHERE tier.care_cadence_days > 0
               AND partner.id = partner.commercial_partner_id
               AND NOT EXISTS (
                   SELECT 1 FROM sales_activity activity
                    WHERE activity.commercial_partner_id = partner.id
                      AND activity.date::date
                          > %(today)s::date - tier.care_cadence_days))
            """,
            company_key=str(self.env.company.id),
            today=fields.Date.context_today(self),
        )
        positive = (operator == "=") == value
        return [("commercial_partner_id", "in" if positive else "not in", overdue)]

    @api.model
    def _sales_reachable(self, partners, channel):
        """Those of ``partners`` who may receive marketing by ``channel``.

        Opt-outs: the no-marketing flag, the email blacklist for email, the
        phone blacklist for SMS and a postal address for direct mail.
        """
        domain = [("id", "in", partners.ids), ("sales_no_marketing", "=", False)]
        if channel == "email":
            domain += [("email", "!=", False), ("is_blacklisted", "=", False)]
        elif channel == "sms":
            domain += [
                "|",
                ("mobile", "!=", False),
                ("phone", "!=", False),
                ("phone_sanitized_blacklisted", "=", False),
            ]
        elif channel == "mail":
            domain += [("street", "!=", False)]
        return self.search(domain)

    def action_open_sales_purchase_cycles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.sales_purchase_cycle_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
