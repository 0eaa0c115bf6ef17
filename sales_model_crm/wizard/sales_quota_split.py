# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesQuotaSplit(models.TransientModel):
    _name = "sales.quota.split"
    _description = "Split a Quota"

    line_ids = fields.One2many("sales.quota.split.line", "wizard_id")


class SalesQuotaSplitLine(models.TransientModel):
    _name = "sales.quota.split.line"
    _description = "Split a Quota: Line"

    wizard_id = fields.Many2one("sales.quota.split", required=True, ondelete="cascade")
