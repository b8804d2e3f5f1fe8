"""A visit step carries its visit's office: the column is added empty, filled from the visit, then made
required. A step is then read by its own column, without joining its visit (docs/performance.md, "Forty
offices"). No index: the report reads the office's visits first (visit_office_day_state), then their
steps by visit."""

import django.db.models.deletion
from django.db import migrations, models

FILL = ("UPDATE visits_visitstep SET office_id = "
        "(SELECT office_id FROM visits_visit WHERE visits_visit.id = visits_visitstep.visit_id)")


class Migration(migrations.Migration):

    dependencies = [
        ('offices', '0002_permission_to_read_every_office'),
        ('visits', '0016_visit_office_reads_its_composite_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='visitstep',
            name='office',
            field=models.ForeignKey(db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='offices.office', verbose_name='kantor'),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name='visitstep',
            name='office',
            field=models.ForeignKey(db_index=False, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='offices.office', verbose_name='kantor'),
        ),
    ]
