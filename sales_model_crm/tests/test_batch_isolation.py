# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The batch isolation every cron runs its work through (run_isolated)."""

import logging

from odoo.tests import TransactionCase, tagged

from ..models.batch_isolation import run_isolated

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestBatchIsolation(TransactionCase):
    def test_one_bad_record_is_logged_and_the_others_are_done(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Test isolated {index}"} for index in range(5)]
        )
        bad = partners[3]
        calls = []

        def job(batch):
            calls.append(batch)
            # written before the failure: must not stay half-written
            batch.write({"comment": "done"})
            if batch & bad:
                raise ValueError("Test: this record cannot be processed")

        # logging.INFO, not "INFO": Odoo names its RUNBOT level (25) "INFO" too
        with self.assertLogs(_logger.name, logging.INFO) as logs:
            done = run_isolated(
                self.env,
                partners,
                job,
                "Test partner %s skipped",
                _logger,
                batch_size=2,
            )
        self.assertEqual(done, partners - bad)
        # the batch without the bad record ran once, as a batch
        self.assertEqual(calls[0], partners[:2])
        self.assertEqual(len(calls), 1 + 1 + 2 + 1)
        partners.invalidate_recordset(["comment"])
        self.assertEqual(
            [bool(partner.comment) for partner in partners],
            [True, True, True, False, True],
        )
        output = "\n".join(logs.output)
        self.assertIn("res.partner: a batch failed, retrying one by one", output)
        self.assertIn(f"ERROR:{_logger.name}:Test partner {bad.id} skipped", output)

    def test_one_bad_row_of_values_is_logged_and_the_others_are_done(self):
        rows = [{"name": f"Test isolated {index}"} for index in range(3)]
        bad = rows[1]

        def job(batch):
            self.env["res.partner"].create(batch)
            if any(row is bad for row in batch):
                raise ValueError("Test: this row cannot be processed")

        with self.assertLogs(_logger.name, "ERROR") as logs:
            done = run_isolated(
                self.env,
                rows,
                job,
                "Test row %s skipped",
                _logger,
                key=lambda row: row["name"],
            )
        self.assertEqual(done, [rows[0], rows[2]])
        created = self.env["res.partner"].search([("name", "like", "Test isolated")])
        self.assertEqual(
            sorted(created.mapped("name")), ["Test isolated 0", "Test isolated 2"]
        )
        self.assertIn("Test row Test isolated 1 skipped", "\n".join(logs.output))
