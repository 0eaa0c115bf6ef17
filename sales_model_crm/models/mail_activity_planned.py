# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model
    def _sales_planned_units(self, users, day_from, day_to, exclude_model=None):
        """(user id, company id, day, units) of the work planned for the users
        from ``day_from`` to ``day_to``, one query for all of them: the daily
        reviews and the VP dashboard's schedules read it.

        Units, not activities: a plan's day of 30 calls is one activity
        standing for 30 (``sales_planned_count``). Activities on
        ``exclude_model`` records (a review's own reminders) are left out.

        An activity has no company: it is counted in the company of its record,
        as its visit record is when it is done (mail.activity's
        _sales_log_interactions): the company of the record's customer, else
        the record's own, else the salesperson's main company. Counted by
        res_model alone, a user of two companies got, in company A's review,
        the calls planned on company B's customers.
        """
        if not users:
            return []
        self.flush_model(
            ["user_id", "date_deadline", "res_model", "res_id", "sales_planned_count"]
        )
        self.env["res.partner"].flush_model(["company_id"])
        self.env["res.users"].flush_model(["company_id"])
        where = SQL(
            """act.user_id IN %(users)s
               AND act.date_deadline BETWEEN %(day_from)s AND %(day_to)s
               AND act.res_model IS DISTINCT FROM %(excluded)s""",
            users=tuple(users.ids),
            day_from=day_from,
            day_to=day_to,
            excluded=exclude_model or "",
        )
        self.env.cr.execute(
            SQL("SELECT DISTINCT act.res_model FROM mail_activity act WHERE %s", where)
        )
        joins, companies = [], []
        for index, (model_name,) in enumerate(self.env.cr.fetchall()):
            if model_name not in self.env:
                continue
            model = self.env[model_name]
            if model._abstract or not model._auto:
                continue
            record = SQL.identifier(f"record_{index}")
            stored = {
                name
                for name, field in model._fields.items()
                if field.store and field.column_type and field.type == "many2one"
            }
            customer = next(
                (
                    name
                    for name in ("partner_id", "agent_id")
                    # a partner is its own customer: its company_id below
                    if model_name != "res.partner"
                    and name in stored
                    and model._fields[name].comodel_name == "res.partner"
                ),
                None,
            )
            has_company = (
                "company_id" in stored
                and model._fields["company_id"].comodel_name == "res.company"
            )
            if not (customer or has_company):
                continue
            model.flush_model([name for name in (customer, "company_id") if name])
            joins.append(
                SQL(
                    "LEFT JOIN %s AS %s ON act.res_model = %s AND %s.id = act.res_id",
                    SQL.identifier(model._table),
                    record,
                    model_name,
                    record,
                )
            )
            if customer:
                partner = SQL.identifier(f"partner_{index}")
                joins.append(
                    SQL(
                        "LEFT JOIN res_partner AS %s ON %s.id = %s",
                        partner,
                        partner,
                        SQL("%s.%s", record, SQL.identifier(customer)),
                    )
                )
                companies.append(SQL("%s.company_id", partner))
            if has_company:
                companies.append(SQL("%s.company_id", record))
        companies.append(SQL("usr.company_id"))
        self.env.cr.execute(
            SQL(
                """
                SELECT act.user_id, COALESCE(%(companies)s), act.date_deadline,
                       SUM(COALESCE(act.sales_planned_count, 1))
                  FROM mail_activity act
                  JOIN res_users usr ON usr.id = act.user_id
                  %(joins)s
                 WHERE %(where)s
                 GROUP BY 1, 2, 3
                """,
                companies=SQL(", ").join(companies),
                joins=SQL(" ").join(joins),
                where=where,
            )
        )
        return self.env.cr.fetchall()
