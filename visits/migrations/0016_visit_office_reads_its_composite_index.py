"""A visit's office has no single-column index: visit_office_day_state (office, day, state) and the queue
number's unique (office, day, queue_seq) lead with it. With 40 offices of 25,000 visits the planner chose
the single-column index for an office's month report and read every visit of the office through it
(docs/performance.md, "Forty offices")."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('offices', '0002_permission_to_read_every_office'),
        ('visits', '0015_guest_look_ups_per_office'),
    ]

    operations = [
        migrations.AlterField(
            model_name='visit',
            name='office',
            field=models.ForeignKey(db_index=False, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='offices.office', verbose_name='kantor'),
        ),
    ]
