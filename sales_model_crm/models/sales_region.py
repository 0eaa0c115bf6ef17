# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SalesRegion(models.Model):
    """A sales region in a hierarchy an admin defines (province > city > district)."""

    _name = "sales.region"
    _description = "Sales Region"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name"

    name = fields.Char(required=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    code = fields.Char()
    parent_id = fields.Many2one(
        "sales.region", string="Parent Region", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("sales.region", "parent_id", string="Sub-regions")
    company_id = fields.Many2one("res.company", index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Regional Manager",
        domain=[("share", "=", False)],
    )
    active = fields.Boolean(default=True)
    partner_count = fields.Integer(compute="_compute_partner_count")

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for region in self:
            if region.parent_id:
                region.complete_name = (
                    f"{region.parent_id.complete_name} / {region.name}"
                )
            else:
                region.complete_name = region.name

    def _compute_partner_count(self):
        groups = self.env["res.partner"]._read_group(
            [("sales_region_id", "child_of", self.ids)],
            groupby=["sales_region_id"],
            aggregates=["__count"],
        )
        count_by_region = {region: count for region, count in groups}
        for region in self:
            region.partner_count = sum(
                count
                for counted, count in count_by_region.items()
                if counted.parent_path.startswith(region.parent_path)
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(_("A region cannot be its own parent."))

    def action_open_partners(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Partners in %(region)s", region=self.complete_name),
            "res_model": "res.partner",
            "view_mode": "list,kanban,form",
            "domain": [("sales_region_id", "child_of", self.ids)],
            "context": {"default_sales_region_id": self.id},
        }
