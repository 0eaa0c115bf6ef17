# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quota progress engine: actuals, in-progress amounts and pace.

All the quotas of a batch are refreshed with one query per basis present in
the batch and one UPDATE, whatever the number of quotas: the documents of the
period are read once, matched to quotas by owner (one hash join per owner
type) and filtered by the quotas' dimensions.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

# rows every document query yields: company_id, day (the local date it counts
# on, NULL for "open now" documents that count in the period holding today),
# user_id, team_id, agent_id, partner_id (commercial), product_id, move_id
# (the invoice of a collection, to share it by product line), kind
# ('actual' or 'progress') and amount


class SalesQuotaProgress(models.AbstractModel):
    _name = "sales.quota.progress"
    _description = "Quota Progress Engine"

    # --- entry points ---------------------------------------------------------

    @api.model
    def _refresh(self, quotas, today=None):
        """Recompute actuals, in-progress amounts and pace of ``quotas``.

        Settled quotas keep their frozen figures. Returns the quotas refreshed.
        """
        quotas = quotas.exists().filtered(lambda quota: quota.state != "closed")
        if not quotas:
            return quotas
        # the company's day, not the server's: what is open now counts in the
        # period holding it (a batch spans one company but for a day at most)
        today = today or (quotas.company_id[:1] or self.env.company)._sales_today()
        self.env.flush_all()
        figures = self._compute_figures(quotas, today)
        days = self._working_days(quotas, today)
        now = fields.Datetime.now()
        rows = []
        for quota in quotas:
            actual, in_progress = figures.get(quota.id, (0.0, 0.0))
            total, elapsed = days[quota.id]
            rows.append(
                SQL(
                    "(%s, %s::numeric, %s::numeric, %s::int, %s::int)",
                    quota.id,
                    actual,
                    in_progress,
                    total,
                    elapsed,
                )
            )
        self._write_progress(rows, now)
        quotas.invalidate_recordset()
        return quotas

    def _write_progress(self, rows, now):
        """One UPDATE for the whole batch, attainment and tier included.

        The stored attainment fields are computed here in SQL the same way
        ``sales.quota._compute_attainment`` does, so that the batch costs one
        statement instead of one per quota.
        """
        self.env.cr.execute(
            SQL(
                """
                UPDATE sales_quota q
                   SET actual_amount = v.actual,
                       in_progress_amount = v.in_progress,
                       working_days_total = v.total,
                       working_days_elapsed = v.elapsed,
                       progress_date = %(now)s,
                       behind_pace = v.total > 0 AND v.elapsed > 0
                           AND ROUND(v.actual, 2) < ROUND(
                               COALESCE(q.minimum, 0) * LEAST(v.elapsed, v.total)
                               / v.total, 2),
                       attainment = CASE WHEN COALESCE(q.target, 0) = 0 THEN 0
                           ELSE 100.0 * v.actual / q.target END,
                       attainment_minimum = CASE WHEN COALESCE(q.minimum, 0) = 0
                           THEN 0 ELSE 100.0 * v.actual / q.minimum END,
                       attainment_stretch = CASE WHEN COALESCE(q.stretch, 0) = 0
                           THEN 0 ELSE 100.0 * v.actual / q.stretch END,
                       tier_reached = CASE
                           WHEN ROUND(v.actual, 2) >= ROUND(COALESCE(q.stretch, 0), 2)
                               THEN 'stretch'
                           WHEN ROUND(v.actual, 2) >= ROUND(COALESCE(q.target, 0), 2)
                               THEN 'target'
                           WHEN ROUND(v.actual, 2) >= ROUND(COALESCE(q.minimum, 0), 2)
                               THEN 'minimum'
                           ELSE 'none' END,
                       write_date = %(now)s,
                       write_uid = %(uid)s
                  FROM (VALUES %(rows)s) AS v(id, actual, in_progress, total, elapsed)
                 WHERE q.id = v.id
                """,
                rows=SQL(", ").join(rows),
                now=now,
                uid=self.env.uid,
            )
        )

    # --- working days ---------------------------------------------------------

    @api.model
    def _quota_calendar(self, quota):
        """The working calendar of a quota's owner: theirs, else the company's."""
        if quota.owner_type == "user":
            person = quota.user_id
        elif quota.owner_type == "team":
            person = quota.team_id.user_id
        else:
            person = self.env["res.users"]
        calendar = person.resource_calendar_id if person else False
        return calendar or quota.company_id.resource_calendar_id

    @api.model
    def _working_days(self, quotas, today):
        """{quota id: (working days in the period, working days before today)}.

        Computed once per distinct (calendar, period): a team's quotas share
        their periods and calendars.
        """
        days_cache = {}
        result = {}
        for quota in quotas:
            calendar = self._quota_calendar(quota)
            key = (calendar.id, quota.date_start, quota.date_end)
            if key not in days_cache:
                days_cache[key] = self._calendar_days(
                    calendar, quota.date_start, quota.date_end
                )
            work_days = days_cache[key]
            elapsed = sum(1 for day in work_days if day < today)
            result[quota.id] = (len(work_days), elapsed)
        return result

    @api.model
    def _calendar_days(self, calendar, date_start, date_end):
        """The sorted working dates of ``calendar`` between two dates."""
        if not calendar or not date_start or not date_end:
            return []
        tz = calendar.tz or "UTC"
        start = datetime.combine(date_start, time.min)
        end = datetime.combine(date_end + timedelta(days=1), time.min)
        # _work_intervals_batch wants aware datetimes; the calendar's own zone
        # keeps a working day on its local date
        zone = pytz.timezone(tz)
        intervals = calendar._work_intervals_batch(
            zone.localize(start), zone.localize(end)
        )[False]
        return sorted({interval[0].date() for interval in intervals})

    # --- actuals and in-progress ----------------------------------------------

    @api.model
    def _compute_figures(self, quotas, today):
        """{quota id: (actual, in progress)}, one query per basis."""
        by_basis = defaultdict(list)
        for quota in quotas:
            by_basis[quota.basis].append(quota.id)
        dims = self._dimensions(quotas.ids)
        figures = {}
        # the statements are large and run once: compiling them costs more
        # than it saves (PostgreSQL's JIT took seconds for a second of work)
        self.env.cr.execute("SET LOCAL jit = off")
        for basis, ids in by_basis.items():
            documents = getattr(self, f"_documents_{basis}")(ids, today, dims)
            self.env.cr.execute(self._match_query(ids, documents, today, dims))
            for quota_id, actual, in_progress in self.env.cr.fetchall():
                figures[quota_id] = (float(actual or 0.0), float(in_progress or 0.0))
        self.env.cr.execute("SET LOCAL jit TO DEFAULT")
        return figures

    def _dimensions(self, ids):
        """Which dimensions the quotas use: only those are resolved."""
        self.env.cr.execute(
            SQL(
                """
                SELECT bool_or(region_id IS NOT NULL),
                       bool_or(product_category_id IS NOT NULL),
                       bool_or(customer_tier_id IS NOT NULL)
                  FROM sales_quota WHERE id = ANY(%s)
                """,
                ids,
            )
        )
        region, categ, tier = self.env.cr.fetchone()
        return {"region": bool(region), "categ": bool(categ), "tier": bool(tier)}

    def _quota_rows(self, ids):
        return SQL(
            """
            SELECT q.id AS quota_id, q.company_id AS quota_company_id,
                   q.date_start, q.date_end, q.owner_type,
                   q.user_id AS quota_user_id, q.team_id AS quota_team_id,
                   q.agent_id AS quota_agent_id,
                   r.parent_path AS region_path, c.parent_path AS categ_path,
                   q.customer_tier_id
              FROM sales_quota q
              LEFT JOIN sales_region r ON r.id = q.region_id
              LEFT JOIN product_category c ON c.id = q.product_category_id
             WHERE q.id = ANY(%s)
            """,
            ids,
        )

    def _window(self, ids):
        """The dates spanned by the quotas, to read their documents once."""
        self.env.cr.execute(
            SQL(
                "SELECT MIN(date_start), MAX(date_end) FROM sales_quota "
                "WHERE id = ANY(%s)",
                ids,
            )
        )
        return self.env.cr.fetchone()

    def _local_day(self, column):
        """A UTC timestamp column as the date it is in the company's zone."""
        return SQL(
            "((%s AT TIME ZONE 'UTC') AT TIME ZONE "
            "COALESCE(company.sales_quota_timezone, 'UTC'))::date",
            SQL.identifier(*column.split(".")),
        )

    def _match_query(self, ids, documents, today, dims):
        """Sum the documents of each quota, by owner and dimensions.

        Documents are first summed per day, owner and dimension values (their
        region and product line paths, their tier), so that the owner joins
        and the dimension filters work on a few rows per salesperson and day
        rather than on every document line.
        """
        columns = [
            SQL("r.company_id"),
            SQL("r.day"),
            SQL("r.user_id"),
            SQL("r.team_id"),
            SQL("r.agent_id"),
            SQL("r.kind"),
        ]
        joins, filters = [], []
        if dims["region"] or dims["tier"]:
            joins.append(SQL("LEFT JOIN res_partner cp ON cp.id = r.partner_id"))
        if dims["region"]:
            joins.append(SQL("LEFT JOIN sales_region cr ON cr.id = cp.sales_region_id"))
            columns.append(SQL("cr.parent_path AS doc_region_path"))
            filters.append(
                SQL(
                    "(m.region_path IS NULL "
                    "OR starts_with(m.doc_region_path, m.region_path))"
                )
            )
        if dims["tier"]:
            columns.append(
                SQL("(cp.sales_tier_id ->> r.company_id::text)::int AS doc_tier_id")
            )
            filters.append(
                SQL(
                    "(m.customer_tier_id IS NULL "
                    "OR m.doc_tier_id = m.customer_tier_id)"
                )
            )
        if dims["categ"]:
            joins.append(
                SQL(
                    """
                    LEFT JOIN product_product pp ON pp.id = r.product_id
                    LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
                    LEFT JOIN product_category pc ON pc.id = pt.categ_id
                    """
                )
            )
            columns.append(SQL("pc.parent_path AS doc_categ_path"))
            filters.append(
                SQL(
                    "(m.categ_path IS NULL "
                    "OR starts_with(m.doc_categ_path, m.categ_path))"
                )
            )
        group = SQL(", ").join(SQL(str(index + 1)) for index in range(len(columns)))
        where = SQL(" AND ").join(
            [
                SQL("(m.day IS NULL OR m.day BETWEEN m.date_start AND m.date_end)"),
                SQL("(m.kind = 'actual' OR m.date_end >= %s)", today),
                # what is open now (quotations, to invoice, receivables, the
                # pipeline without a date) counts in the period holding today
                # only: the later periods repeated it, 3 x the same pipeline
                SQL("(m.day IS NOT NULL OR m.date_start <= %s)", today),
                *filters,
            ]
        )
        owner_joins = SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT q.*, d.* FROM q JOIN d
                    ON d.company_id = q.quota_company_id
                   AND q.owner_type = %(owner_type)s
                   AND d.%(column)s = q.%(quota_column)s
                """,
                owner_type=owner_type,
                column=SQL.identifier(column),
                quota_column=SQL.identifier(f"quota_{column}"),
            )
            for owner_type, column in (
                ("user", "user_id"),
                ("team", "team_id"),
                ("agent", "agent_id"),
            )
        )
        return SQL(
            """
            WITH q AS (%(quotas)s),
                 r AS (%(documents)s),
                 d AS MATERIALIZED (
                     SELECT %(columns)s, SUM(r.amount) AS amount
                       FROM r %(joins)s
                      GROUP BY %(group)s
                 ),
                 m AS (%(owner_joins)s)
            SELECT m.quota_id,
                   SUM(m.amount) FILTER (WHERE m.kind = 'actual'),
                   SUM(m.amount) FILTER (WHERE m.kind = 'progress')
              FROM m
             WHERE %(where)s
             GROUP BY m.quota_id
            """,
            quotas=self._quota_rows(ids),
            documents=documents,
            columns=SQL(", ").join(columns),
            joins=SQL(" ").join(joins),
            group=group,
            owner_joins=owner_joins,
            where=where,
        )

    # documents per basis: each returns the SQL of the rows described above

    def _pipeline_rows(self, ids, today, weight_amount=True):
        """Open opportunities expected in the period, weighted by probability.

        Opportunities with an open quotation are left out: the quotation
        counts instead.
        """
        date_from, date_to = self._window(ids)
        value = (
            SQL("l.expected_revenue * l.probability / 100.0")
            if weight_amount
            else SQL("l.probability / 100.0")
        )
        return SQL(
            """
            SELECT l.company_id, l.date_deadline AS day, l.user_id, l.team_id,
                   cp.sales_agent_id AS agent_id, cp.id AS partner_id,
                   NULL::int AS product_id, NULL::int AS move_id,
                   'progress' AS kind, %(value)s AS amount
              FROM crm_lead l
              LEFT JOIN crm_stage s ON s.id = l.stage_id
              LEFT JOIN res_partner p ON p.id = l.partner_id
              LEFT JOIN res_partner cp ON cp.id = p.commercial_partner_id
             WHERE l.active AND l.type = 'opportunity' AND s.is_won IS NOT TRUE
               AND l.probability > 0
               AND (l.date_deadline IS NULL
                    OR l.date_deadline BETWEEN %(date_from)s AND %(date_to)s)
               AND %(date_to)s >= %(today)s
               AND NOT EXISTS (
                   SELECT 1 FROM sale_order o
                    WHERE o.opportunity_id = l.id AND o.state IN ('draft', 'sent'))
            """,
            value=value,
            date_from=date_from,
            date_to=date_to,
            today=today,
        )

    def _quotation_rows(self, today):
        """Open quotations still valid today, in company currency."""
        return SQL(
            """
            SELECT o.company_id, NULL::date AS day, o.user_id, o.team_id,
                   o.sales_agent_id AS agent_id, p.commercial_partner_id AS partner_id,
                   sol.product_id, NULL::int AS move_id, 'progress' AS kind,
                   sol.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                       AS amount
              FROM sale_order_line sol
              JOIN sale_order o ON o.id = sol.order_id
              JOIN res_partner p ON p.id = o.partner_id
             WHERE o.state IN ('draft', 'sent')
               AND (o.validity_date IS NULL OR o.validity_date >= %(today)s)
               AND sol.display_type IS NULL
               AND sol.is_downpayment IS NOT TRUE
            """,
            today=today,
        )

    def _documents_sales(self, ids, today, dims):
        date_from, date_to = self._window(ids)
        return SQL(
            """
            SELECT o.company_id, %(day)s AS day, o.user_id, o.team_id,
                   o.sales_agent_id AS agent_id, p.commercial_partner_id AS partner_id,
                   sol.product_id, NULL::int AS move_id, 'actual' AS kind,
                   sol.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                       AS amount
              FROM sale_order_line sol
              JOIN sale_order o ON o.id = sol.order_id
              JOIN res_company company ON company.id = o.company_id
              JOIN res_partner p ON p.id = o.partner_id
             WHERE o.state = 'sale'
               AND o.date_order >= %(date_from)s
               AND o.date_order < %(date_to)s
               AND sol.display_type IS NULL
               AND sol.is_downpayment IS NOT TRUE
            UNION ALL %(quotations)s
            UNION ALL %(pipeline)s
            """,
            day=self._local_day("o.date_order"),
            # a day either side: the exact local date is compared afterwards
            date_from=date_from - timedelta(days=1),
            date_to=date_to + timedelta(days=2),
            quotations=self._quotation_rows(today),
            pipeline=self._pipeline_rows(ids, today),
        )

    def _to_invoice_rows(self):
        """Confirmed orders not invoiced yet, in company currency."""
        return SQL(
            """
            SELECT o.company_id, NULL::date AS day, o.user_id, o.team_id,
                   o.sales_agent_id AS agent_id, p.commercial_partner_id AS partner_id,
                   sol.product_id, NULL::int AS move_id, 'progress' AS kind,
                   sol.untaxed_amount_to_invoice
                       / COALESCE(NULLIF(o.currency_rate, 0), 1.0) AS amount
              FROM sale_order_line sol
              JOIN sale_order o ON o.id = sol.order_id
              JOIN res_partner p ON p.id = o.partner_id
             WHERE o.state = 'sale' AND sol.untaxed_amount_to_invoice <> 0
               AND sol.display_type IS NULL
            """
        )

    def _documents_invoiced(self, ids, today, dims):
        date_from, date_to = self._window(ids)
        return SQL(
            """
            SELECT aml.company_id, am.invoice_date AS day,
                   am.invoice_user_id AS user_id, am.team_id,
                   am.sales_agent_id AS agent_id,
                   am.commercial_partner_id AS partner_id, aml.product_id,
                   NULL::int AS move_id, 'actual' AS kind, -aml.balance AS amount
              FROM account_move_line aml
              JOIN account_move am ON am.id = aml.move_id
             WHERE am.state = 'posted'
               AND am.move_type IN ('out_invoice', 'out_refund')
               AND aml.display_type = 'product'
               AND am.invoice_date BETWEEN %(date_from)s AND %(date_to)s
            UNION ALL %(to_invoice)s
            UNION ALL %(quotations)s
            UNION ALL %(pipeline)s
            """,
            date_from=date_from,
            date_to=date_to,
            to_invoice=self._to_invoice_rows(),
            quotations=self._quotation_rows(today),
            pipeline=self._pipeline_rows(ids, today),
        )

    def _collected_rows(self, date_from, date_to):
        """The collections of a period, as document rows: the cash collected
        of ``sales.collection.line``, the one definition of "collected" (the
        VP dashboard reads it too)."""
        return SQL(
            """
            SELECT c.company_id, c.date AS day, c.user_id, c.team_id, c.agent_id,
                   c.partner_id, NULL::int AS product_id, c.move_id,
                   'actual' AS kind, c.amount
              FROM (%(lines)s) c
             WHERE c.date BETWEEN %(date_from)s AND %(date_to)s
            """,
            lines=self.env["sales.collection.line"]._table_query,
            date_from=date_from,
            date_to=date_to,
        )

    def _documents_collected(self, ids, today, dims):
        """Payments reconciled with customer invoices, dated by reconciliation.

        Only cash counts (see ``sales.collection.line``): the counterpart of
        the invoice's receivable line is a payment or a bank statement line,
        not a refund or a write-off. Money paid back on a refund counts
        negatively. A collection has no product:
        for product-line quotas it is shared out over its invoice's product
        lines in proportion to their amounts.
        """
        date_from, date_to = self._window(ids)
        collected = self._collected_rows(date_from, date_to)
        by_invoice = SQL(
            """
            %(collected)s
            UNION ALL
            SELECT am.company_id, NULL::date AS day, am.invoice_user_id AS user_id,
                   am.team_id, am.sales_agent_id AS agent_id,
                   am.commercial_partner_id AS partner_id, NULL::int AS product_id,
                   am.id AS move_id, 'progress' AS kind,
                   am.amount_residual_signed AS amount
              FROM account_move am
             WHERE am.state = 'posted'
               AND am.move_type IN ('out_invoice', 'out_refund')
               AND am.payment_state IN ('not_paid', 'partial')
            """,
            collected=collected,
        )
        if dims["categ"]:
            by_invoice = SQL(
                """
                SELECT b.company_id, b.day, b.user_id, b.team_id, b.agent_id,
                       b.partner_id, l.product_id, NULL::int AS move_id, b.kind,
                       b.amount * COALESCE(l.share, 1.0) AS amount
                  FROM (%(by_invoice)s) b
                  LEFT JOIN LATERAL (
                      SELECT il.product_id,
                             il.balance / NULLIF(SUM(il.balance) OVER (), 0) AS share
                        FROM account_move_line il
                       WHERE il.move_id = b.move_id
                         AND il.display_type = 'product'
                  ) l ON TRUE
                """,
                by_invoice=by_invoice,
            )
        return SQL(
            "%(by_invoice)s UNION ALL %(to_invoice)s",
            by_invoice=by_invoice,
            to_invoice=self._to_invoice_rows(),
        )

    def _documents_won_deals(self, ids, today, dims):
        date_from, date_to = self._window(ids)
        return SQL(
            """
            SELECT l.company_id, %(day)s AS day, l.user_id, l.team_id,
                   cp.sales_agent_id AS agent_id, cp.id AS partner_id,
                   NULL::int AS product_id, NULL::int AS move_id,
                   'actual' AS kind, 1.0 AS amount
              FROM crm_lead l
              JOIN crm_stage s ON s.id = l.stage_id
              JOIN res_company company ON company.id = l.company_id
              LEFT JOIN res_partner p ON p.id = l.partner_id
              LEFT JOIN res_partner cp ON cp.id = p.commercial_partner_id
             WHERE l.active AND s.is_won
               AND l.date_closed >= %(date_from)s AND l.date_closed < %(date_to)s
            UNION ALL %(pipeline)s
            """,
            day=self._local_day("l.date_closed"),
            date_from=date_from - timedelta(days=1),
            date_to=date_to + timedelta(days=2),
            pipeline=self._pipeline_rows(ids, today, weight_amount=False),
        )

    def _documents_new_customers(self, ids, today, dims):
        """Customers whose first confirmed order falls in the period.

        The order's salesperson, team and agent win the new customer. Open
        quotations to customers who never ordered are in progress.
        """
        return SQL(
            """
            SELECT * FROM (
                SELECT DISTINCT ON (o.company_id, p.commercial_partner_id)
                       o.company_id, %(day)s AS day, o.user_id, o.team_id,
                       o.sales_agent_id AS agent_id,
                       p.commercial_partner_id AS partner_id,
                       NULL::int AS product_id, NULL::int AS move_id,
                       'actual' AS kind, 1.0 AS amount
                  FROM sale_order o
                  JOIN res_company company ON company.id = o.company_id
                  JOIN res_partner p ON p.id = o.partner_id
                 WHERE o.state = 'sale'
                 ORDER BY o.company_id, p.commercial_partner_id, o.date_order, o.id
            ) AS first_orders
            UNION ALL
            SELECT DISTINCT ON (o.company_id, p.commercial_partner_id)
                   o.company_id, NULL::date AS day, o.user_id, o.team_id,
                   o.sales_agent_id AS agent_id,
                   p.commercial_partner_id AS partner_id,
                   NULL::int AS product_id, NULL::int AS move_id,
                   'progress' AS kind, 1.0 AS amount
              FROM sale_order o
              JOIN res_partner p ON p.id = o.partner_id
             WHERE o.state IN ('draft', 'sent')
               AND (o.validity_date IS NULL OR o.validity_date >= %(today)s)
               AND NOT EXISTS (
                   SELECT 1 FROM sale_order won
                     JOIN res_partner wp ON wp.id = won.partner_id
                    WHERE won.state = 'sale' AND won.company_id = o.company_id
                      AND wp.commercial_partner_id = p.commercial_partner_id)
            """,
            day=self._local_day("o.date_order"),
            today=today,
        )
