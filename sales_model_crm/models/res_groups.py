# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        res = super().write(vals)
        if {"users", "implied_ids"} & set(vals):
            self.with_context(active_test=False).users.filtered(
                lambda user: not user.share
            )._sales_model_enforce_export_policy()
        return res
