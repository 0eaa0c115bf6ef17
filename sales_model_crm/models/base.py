# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import Command, _, api, models
from odoo.exceptions import AccessError, ValidationError

# Where Odoo stores Integer fields: a PostgreSQL int4.
INT4_MIN, INT4_MAX = -(2**31), 2**31 - 1
# Amounts and ratios typed into our fields stay below this: 1e15 still holds
# cents exactly in a float, and Odoo's currency rounding overflows on 1e308.
FLOAT_LIMIT = 1e15
SALES_MODULES = ("sales_model_crm", "sales_model_crm_reports")


class Base(models.AbstractModel):
    _inherit = "base"

    # --- bad input (issue 7) -------------------------------------------------
    # Odoo converts a typed number or date with float()/int()/strptime before any
    # constraint runs: "NaN", "inf" or "1e308" sent over RPC ended as a ValueError
    # or OverflowError traceback, or a psycopg2 "integer out of range", instead of
    # a message. The fields our addons define are checked here, on every model
    # (res.partner's too), before Odoo converts them.

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._sales_check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._sales_check_input(vals)
        return super().write(vals)

    def onchange(self, values, field_names, fields_spec):
        # the form's values reach the cache through the same conversions as
        # create/write: "NaN" on an integer or "inf" on a monetary field was a
        # ValueError/OverflowError traceback instead of the message of a save
        self._sales_check_onchange_values(values)
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def _sales_check_onchange_values(self, values):
        """Check the values of a form, its lines' and its parent's, as
        create/write check them: raise the same ValidationError."""
        if not isinstance(values, dict):
            return
        for name in list(values):
            field = self._fields.get(name)
            if field is None or not field.compute or field.inverse:
                continue
            # a computed field's value is the server's own, sent back by the
            # form and recomputed by the onchange: a bad one is dropped
            try:
                self._sales_check_input({name: values[name]})
            except ValidationError:
                values.pop(name)
        self._sales_check_input(values)
        for name, value in values.items():
            field = self._fields.get(name)
            if field is None or not field.relational or not value:
                continue
            comodel = self.env[field.comodel_name]
            if field.type == "many2one":
                # a line's form sends its parent's values as a dict
                comodel._sales_check_onchange_values(value)
            elif isinstance(value, list | tuple):
                # x2many commands: (0, virtual id, values), (1, id, values)
                for command in value:
                    if (
                        isinstance(command, list | tuple)
                        and len(command) == 3
                        and command[0] in (Command.CREATE, Command.UPDATE)
                    ):
                        comodel._sales_check_onchange_values(command[2])

    @api.model
    def _sales_check_input(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if (
                field is None
                or field._module not in SALES_MODULES
                # empty values and booleans convert as Odoo always did
                or not value
                or isinstance(value, bool)
            ):
                continue
            if field.type in ("integer", "float", "monetary"):
                self._sales_check_number(field, value)
            elif field.type in ("date", "datetime") and isinstance(value, str):
                try:
                    field.convert_to_cache(value, self)
                except ValueError:
                    raise ValidationError(
                        _(
                            "%(field)s: %(value)s is not a valid date.",
                            field=field._description_string(self.env),
                            value=value[:40],
                        )
                    ) from None

    @api.model
    def _sales_check_number(self, field, value):
        if field.type == "integer":
            low, high = INT4_MIN, INT4_MAX
        else:
            low, high = -FLOAT_LIMIT, FLOAT_LIMIT
            digits = field.type == "float" and field.get_digits(self.env)
            if digits and digits[0]:
                # a NUMERIC(5, 2) column holds up to 999.99: more is a database
                # error ("numeric field overflow")
                precision, scale = digits
                high = min(high, 10 ** (precision - scale) - 10**-scale)
                low = -high
        try:
            # what Odoo then does with it: int("1e3") fails where float() passes
            if field.type == "integer" and isinstance(value, str):
                number = int(value)
            else:
                number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and low <= number <= high):
            # formatted outside _(): the translation extractor stops at an
            # f-string among its arguments
            low_text = f"{low:,.2f}".rstrip("0").rstrip(".")
            high_text = f"{high:,.2f}".rstrip("0").rstrip(".")
            raise ValidationError(
                _(
                    "%(field)s must be a number between %(low)s and %(high)s, "
                    "not %(value)s.",
                    field=field._description_string(self.env),
                    low=low_text,
                    high=high_text,
                    value=str(value)[:40],
                )
            )

    def export_data(self, fields_to_export):
        # Odoo checks the export group; this also refuses a plain salesperson
        # who was given that group by hand or by a template later on.
        user = self.env.user
        if (
            not self.env.su
            and not user._is_superuser()
            and user._sales_model_is_plain_salesperson()
        ):
            raise AccessError(
                _("Salespeople cannot export data. Ask your sales manager.")
            )
        return super().export_data(fields_to_export)
