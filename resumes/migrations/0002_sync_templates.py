from django.db import migrations


def sync_templates(apps, schema_editor):
    from resumes.services import templates_sync

    templates_sync(template_model=apps.get_model("resumes", "Template"))


class Migration(migrations.Migration):
    dependencies = [("resumes", "0001_initial")]
    operations = [migrations.RunPython(sync_templates, migrations.RunPython.noop)]
