# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class SalesPartnerKind(models.Model):
    """What a partner is to us: customer, supplier, competitor, agent, ..."""

    _name = "sales.partner.kind"
    _description = "Partner Kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        help="Technical code used by the product to find a kind (e.g. 'agent')."
    )
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_properties_definition = fields.PropertiesDefinition(
        string="Company Profile Fields",
        help="Profile fields an admin adds for companies of this kind.",
    )
    person_properties_definition = fields.PropertiesDefinition(
        string="Person Profile Fields",
        help="Profile fields an admin adds for individuals and contacts of this "
        "kind.",
    )
    partner_count = fields.Integer(compute="_compute_partner_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a partner kind must be unique."),
    ]

    def _compute_partner_count(self):
        groups = self.env["res.partner"]._read_group(
            [("sales_kind_ids", "in", self.ids)],
            groupby=["sales_kind_ids"],
            aggregates=["__count"],
        )
        count_by_kind = {kind.id: count for kind, count in groups}
        for kind in self:
            kind.partner_count = count_by_kind.get(kind.id, 0)

    @api.model
    def _get_by_code(self, code):
        return self.search([("code", "=", code)], limit=1)

    def action_open_partners(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Partners: %(kind)s", kind=self.name),
            "res_model": "res.partner",
            "view_mode": "kanban,list,form",
            "domain": [("sales_kind_ids", "in", self.ids)],
            "context": {"default_sales_kind_ids": self.ids},
        }
