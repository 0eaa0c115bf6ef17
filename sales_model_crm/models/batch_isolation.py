# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run a scheduled job batch by batch, setting aside the record that fails.

A scheduled action must not stop for everybody, every day, because of one bad
record (a constraint, an override, a customisation that raises): every cron of
the addon runs its work through :func:`run_isolated`.

It is a plain function, not a method of an abstract model: what it isolates is
not always a recordset (the customer-care cron creates activities from a list
of values, tiering applies rows of tier changes), it keeps no state and is no
point of extension, and the caller passes its own logger so that each log line
still names the module of the cron that failed.
"""

import logging

from odoo.models import BaseModel


def run_isolated(
    env,
    items,
    job,
    label,
    logger,
    *,
    batch_size=0,
    name=None,
    key=None,
    batch_level=logging.INFO,
):
    """Run ``job`` on ``items`` and return the items done.

    ``items`` is a recordset or a list (of values, of rows). It is cut in
    batches of ``batch_size`` (all in one batch when 0); ``job(batch)`` runs in
    a savepoint. A batch that fails is rolled back, logged at ``batch_level``
    ("<name>: a batch failed, retrying one by one", with its traceback from
    WARNING up) and retried one item at a time, each in its own savepoint
    (``job(record)`` for a recordset, ``job([item])`` for a list): an item that
    still fails is rolled back, logged as an error with its traceback
    (``label % key(item)``, the item's id by default) and skipped; the next
    run tries it again. Nothing of a failed batch or item is left written.

    The result is of the kind of ``items``: a recordset, or a list, in their
    order. Only ``Exception`` is caught: a worker killed mid-batch stops the
    run, and what its savepoints did not release is rolled back with it.
    """
    is_recordset = isinstance(items, BaseModel)
    if name is None:
        name = items._name if is_recordset else "Batch"
    if key is None:

        def key(item):
            return item.id

    done = []
    step = batch_size or len(items) or 1
    for start in range(0, len(items), step):
        batch = items[start : start + step]
        try:
            with env.cr.savepoint():
                job(batch)
            done.extend(batch)
            continue
        except Exception:  # pylint: disable=broad-except
            logger.log(
                batch_level,
                "%s: a batch failed, retrying one by one",
                name,
                exc_info=batch_level >= logging.WARNING,
            )
        # the rollback cleared the cache already (flushing savepoint); jobs
        # that write in SQL relied on this explicit invalidation: keep it
        env.invalidate_all()
        for item in batch:
            try:
                with env.cr.savepoint():
                    job(item if is_recordset else [item])
                done.append(item)
            except Exception:  # pylint: disable=broad-except
                logger.exception(label, key(item))
                env.invalidate_all()
    if is_recordset:
        return items.browse([record.id for record in done])
    return done
