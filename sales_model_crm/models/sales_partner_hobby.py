# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesPartnerHobby(models.Model):
    _name = "sales.partner.hobby"
    _description = "Contact Hobby"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [
        ("name_uniq", "unique(name)", "This hobby exists already."),
    ]
