# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

ADDRESS_COLUMNS = ("name", "street", "street2", "city", "zip", "state", "country")


class SalesAudience(models.Model):
    """A saved audience for precision marketing (精准营销).

    Built from the customer classification; its count is live, and it is
    reached by email (Odoo's mail composer in mass mode), SMS (Odoo's SMS
    composer) or direct mail (printed address labels, an address list for
    managers). Customers who opted out are left out of every channel.
    """

    _name = "sales.audience"
    _description = "Marketing Audience"
    _inherit = ["mail.thread"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        domain=[("share", "=", False)],
    )
    tier_ids = fields.Many2many("sales.customer.tier", string="Tiers")
    kind_ids = fields.Many2many("sales.partner.kind", string="Partner Kinds")
    industry_ids = fields.Many2many("res.partner.industry", string="Industries")
    region_ids = fields.Many2many(
        "sales.region", string="Regions", help="Sub-regions are included."
    )
    source_ids = fields.Many2many("utm.source", string="Customer Sources")
    category_ids = fields.Many2many("res.partner.category", string="Tags")
    salesperson_ids = fields.Many2many(
        "res.users", "sales_audience_salesperson_rel", string="Salespeople"
    )
    cycle_filter = fields.Selection(
        [
            ("due", "Due to buy"),
            ("at_risk", "At risk"),
        ],
        string="Purchase Cycle",
        help="Customers with a product due to buy (or overdue), or at risk "
        "because they stopped buying.",
    )
    last_purchase_from = fields.Date(help="Last confirmed order on or after this day.")
    last_purchase_to = fields.Date(help="Last confirmed order on or before this day.")
    partner_count = fields.Integer(string="Customers", compute="_compute_counts")
    email_count = fields.Integer(string="By Email", compute="_compute_counts")
    sms_count = fields.Integer(string="By SMS", compute="_compute_counts")
    mail_count = fields.Integer(string="By Mail", compute="_compute_counts")

    def _compute_counts(self):
        # live: counted each time, with the reader's own access rules
        partner_model = self.env["res.partner"]
        for audience in self:
            domain = audience._get_partner_domain()
            audience.partner_count = partner_model.search_count(domain)
            for channel in ("email", "sms", "mail"):
                audience[f"{channel}_count"] = partner_model.search_count(
                    domain + audience._channel_domain(channel)
                )

    def _get_partner_domain(self):
        """The customers of the audience (companies and individuals)."""
        self.ensure_one()
        # customers: companies and individuals, not our users and companies
        domain = [
            ("partner_share", "=", True),
            "|",
            ("is_company", "=", True),
            ("parent_id", "=", False),
        ]
        for field_name, values in (
            ("sales_tier_id", self.tier_ids),
            ("sales_kind_ids", self.kind_ids),
            ("industry_id", self.industry_ids),
            ("sales_source_id", self.source_ids),
            ("category_id", self.category_ids),
            ("user_id", self.salesperson_ids),
        ):
            if values:
                domain.append((field_name, "in", values.ids))
        if self.region_ids:
            domain.append(("sales_region_id", "child_of", self.region_ids.ids))
        if self.cycle_filter:
            states = ("due", "overdue") if self.cycle_filter == "due" else ("at_risk",)
            domain.append(
                (
                    "sales_purchase_cycle_ids",
                    "any",
                    [("state", "in", states), ("company_id", "=", self.company_id.id)],
                )
            )
        if self.last_purchase_from or self.last_purchase_to:
            domain.append(("id", "in", self._last_purchase_query()))
        return domain

    def _last_purchase_query(self):
        # raw SQL: the ORM does not know to flush what it reads
        self.env["sale.order"].flush_model(
            ["date_order", "state", "partner_id", "company_id"]
        )
        conditions = [SQL("TRUE")]
        if self.last_purchase_from:
            conditions.append(
                SQL("MAX(so.date_order)::date >= %s", self.last_purchase_from)
            )
        if self.last_purchase_to:
            conditions.append(
                SQL("MAX(so.date_order)::date <= %s", self.last_purchase_to)
            )
        return SQL(
            """
            (SELECT partner.commercial_partner_id
              FROM sale_order so
              JOIN res_partner partner ON partner.id = so.partner_id
             WHERE so.state = 'sale' AND so.company_id = %s
             GROUP BY partner.commercial_partner_id
            HAVING %s)
            """,
            self.company_id.id,
            SQL(" AND ").join(conditions),
        )

    @api.model
    def _channel_domain(self, channel):
        """Who may be reached by ``channel``: opt-outs respected."""
        domain = [("sales_no_marketing", "=", False)]
        if channel == "email":
            return domain + [("email", "!=", False), ("is_blacklisted", "=", False)]
        if channel == "sms":
            return domain + [
                "|",
                ("mobile", "!=", False),
                ("phone", "!=", False),
                ("phone_sanitized_blacklisted", "=", False),
            ]
        return domain + [("street", "!=", False)]

    def _reachable(self, channel):
        self.ensure_one()
        return self.env["res.partner"].search(
            self._get_partner_domain() + self._channel_domain(channel)
        )

    # --- actions

    def action_open_partners(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "res.partner",
            "view_mode": "list,kanban,form",
            "domain": self._get_partner_domain(),
        }

    def action_send_email(self):
        """Odoo's mail composer in mass mode, on the reachable customers."""
        self.ensure_one()
        partners = self._reachable("email")
        return {
            "type": "ir.actions.act_window",
            "name": _("Email %(audience)s", audience=self.name),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_composition_mode": "mass_mail",
                "default_model": "res.partner",
                "default_res_ids": repr(partners.ids),
                "default_use_exclusion_list": True,
            },
        }

    def action_send_sms(self):
        """Odoo's SMS composer in mass mode (phone blacklist applied)."""
        self.ensure_one()
        partners = self._reachable("sms")
        return {
            "type": "ir.actions.act_window",
            "name": _("SMS %(audience)s", audience=self.name),
            "res_model": "sms.composer",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_composition_mode": "mass",
                "default_res_model": "res.partner",
                "default_res_ids": repr(partners.ids),
                "default_mass_keep_log": True,
            },
        }

    def action_print_labels(self):
        """Direct mail: one address label per reachable customer."""
        self.ensure_one()
        report = self.env.ref("sales_model_crm.action_report_sales_audience_labels")
        return report.report_action(self)

    def action_export_addresses(self):
        """Direct mail: the address list as CSV, for managers only."""
        self.ensure_one()
        if not self.env.user.has_group("base.group_allow_export"):
            raise AccessError(_("Only managers may export an address list."))
        attachment = self.env["ir.attachment"].create(
            {
                "name": _("%(audience)s addresses.csv", audience=self.name),
                "raw": self._address_csv(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "text/csv",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _address_csv(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(ADDRESS_COLUMNS)
        for partner in self._reachable("mail"):
            writer.writerow(
                [
                    partner.name,
                    partner.street or "",
                    partner.street2 or "",
                    partner.city or "",
                    partner.zip or "",
                    partner.state_id.name or "",
                    partner.country_id.name or "",
                ]
            )
        return buffer.getvalue().encode("utf-8-sig")

    def _label_partners(self):
        """For the labels report."""
        return self._reachable("mail")
