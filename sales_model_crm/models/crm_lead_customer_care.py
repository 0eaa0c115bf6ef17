# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    sales_return_visit_planned = fields.Boolean(
        string="Return Visit Planned",
        copy=False,
        readonly=True,
        help="The return visit (回访) after this won deal is scheduled.",
    )
