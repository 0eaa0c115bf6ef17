# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.base.models.res_partner import _tz_get


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_quota_split_check = fields.Selection(
        [("warn", "Warn"), ("block", "Block")],
        string="Split Quotas Must Add Up",
        default="warn",
        required=True,
        help="When the parts of a split quota do not add up to it: show a "
        "warning, or refuse to save.",
    )
    sales_quota_timezone = fields.Selection(
        _tz_get,
        string="Quota Time Zone",
        default="Asia/Shanghai",
        help="Orders and reconciliations are dated in this time zone when "
        "they are counted in a period.",
    )

