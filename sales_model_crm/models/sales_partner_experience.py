# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SalesPartnerExperience(models.Model):
    """A contact's previous job: where their personal network comes from."""

    _name = "sales.partner.experience"
    _description = "Contact Work Experience"
    _order = "partner_id, date_from desc, id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        index=True,
        ondelete="cascade",
    )
    employer = fields.Char(required=True)
    employer_partner_id = fields.Many2one(
        "res.partner",
        string="Employer Partner",
        domain=[("is_company", "=", True)],
    )
    role = fields.Char()
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    note = fields.Char()

    @api.onchange("employer_partner_id")
    def _onchange_employer_partner_id(self):
        if self.employer_partner_id:
            self.employer = self.employer_partner_id.name

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for experience in self:
            if (
                experience.date_from
                and experience.date_to
                and experience.date_to < experience.date_from
            ):
                raise ValidationError(
                    _(
                        "The job at %(employer)s cannot end before it starts.",
                        employer=experience.employer,
                    )
                )
