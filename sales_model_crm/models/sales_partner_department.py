# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SalesPartnerDepartment(models.Model):
    """A department of a customer company: its organization structure."""

    _name = "sales.partner.department"
    _description = "Customer Department"
    _parent_store = True
    _order = "partner_id, complete_name"
    _rec_name = "complete_name"

    name = fields.Char(required=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        required=True,
        index=True,
        ondelete="cascade",
    )
    parent_id = fields.Many2one(
        "sales.partner.department",
        string="Parent Department",
        index=True,
        ondelete="cascade",
        domain="[('partner_id', '=', partner_id)]",
    )
    parent_path = fields.Char(index=True)
    head_id = fields.Many2one(
        "res.partner",
        string="Head",
        domain="[('parent_id', '=', partner_id)]",
    )
    member_ids = fields.One2many(
        "res.partner", "sales_department_id", string="Contacts"
    )
    note = fields.Text()

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for department in self:
            if department.parent_id:
                department.complete_name = (
                    f"{department.parent_id.complete_name} / {department.name}"
                )
            else:
                department.complete_name = department.name

    @api.constrains("parent_id", "partner_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(_("A department cannot contain itself."))
        for department in self:
            if (
                department.parent_id
                and department.parent_id.partner_id != department.partner_id
            ):
                raise ValidationError(
                    _(
                        "Department %(name)s and its parent must belong to the same "
                        "company.",
                        name=department.name,
                    )
                )
