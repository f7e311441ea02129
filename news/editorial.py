"""The editorial roles of the news section and the review workflow.

Groups, their image permissions and the workflow "Review" are created by the migration
``0002_editorial_roles``. Page permissions and the workflow need a news index to hang on;
``attach_to_index`` adds them whenever a news index is created (signal in ``apps.py``), in
either language, and the migration runs it for indexes that already exist.

Both functions take an app registry, so the migration can pass its historical models.
"""

EDITORS = "Redaktion"
PUBLISHERS = "Freigabe"
WORKFLOW = "Review"
APPROVAL_TASK = "Freigabe durch die Redaktionsleitung"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    PUBLISHERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Images and documents in the root collection: editors upload and choose them.
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("home", "siteimage", ["add_siteimage", "change_siteimage", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    PUBLISHERS: [
        ("home", "siteimage", ["add_siteimage", "change_siteimage", "delete_siteimage",
                               "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "delete_document",
                                     "choose_document"]),
    ],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("news", "presscontact", ["add_presscontact", "change_presscontact",
                                  "view_presscontact"]),
        ("news", "topic", ["add_topic", "change_topic", "view_topic"]),
        # The communications team sees popular search terms and promotes pages for them.
        ("wagtailsearchpromotions", "searchpromotion", ["add_searchpromotion",
                                                        "change_searchpromotion"]),
    ],
    PUBLISHERS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("news", "presscontact", ["add_presscontact", "change_presscontact",
                                  "delete_presscontact", "view_presscontact"]),
        ("news", "topic", ["add_topic", "change_topic", "delete_topic", "view_topic"]),
        ("wagtailsearchpromotions", "searchpromotion", ["add_searchpromotion",
                                                        "change_searchpromotion",
                                                        "delete_searchpromotion"]),
    ],
}


def _permission(apps, app_label, model, codename):
    # On a fresh database Django creates content types and permissions only after all
    # migrations have run, so they are made here if they do not exist yet.
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_roles(apps) -> None:
    group_model = apps.get_model("auth", "Group")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()

    groups = {}
    for name in (EDITORS, PUBLISHERS):
        group, _ = group_model.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, model, codenames in MODEL_PERMISSIONS[name]:
            group.permissions.add(
                *(_permission(apps, app_label, model, codename) for codename in codenames)
            )
        if root_collection is not None:
            for app_label, model, codenames in COLLECTION_PERMISSIONS[name]:
                for codename in codenames:
                    collection_permission_model.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, codename),
                    )

    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    task = task_model.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = task_model.objects.create(
            name=APPROVAL_TASK,
            active=True,
            content_type=content_type_model.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.add(groups[PUBLISHERS])
    workflow, _ = workflow_model.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    workflow_task_model.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )


def attach_to_index(apps, page_id: int) -> None:
    """Give both groups their page permissions on a news index and put it under review."""
    group_model = apps.get_model("auth", "Group")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")

    for group in group_model.objects.filter(name__in=PAGE_PERMISSIONS):
        for codename in PAGE_PERMISSIONS[group.name]:
            page_permission_model.objects.get_or_create(
                group=group,
                page_id=page_id,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )
    workflow = workflow_model.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        workflow_page_model.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})
