# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SalesPartnerFamilyMember(models.Model):
    """A family member of a contact: who matters to the people we sell to."""

    _name = "sales.partner.family.member"
    _description = "Contact Family Member"
    _order = "partner_id, birthday, id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(required=True)
    relation = fields.Selection(
        [
            ("spouse", "Spouse"),
            ("child", "Child"),
            ("parent", "Parent"),
            ("sibling", "Sibling"),
            ("other", "Other"),
        ],
        required=True,
        default="spouse",
    )
    birthday = fields.Date()
    note = fields.Char()

    @api.constrains("birthday")
    def _check_birthday(self):
        today = fields.Date.context_today(self)
        for member in self.filtered("birthday"):
            if member.birthday > today or member.birthday.year < 1900:
                raise ValidationError(
                    _(
                        "The birthday of %(name)s must lie between 1900 and today.",
                        name=member.name,
                    )
                )
