"""What the portal tells people and when: decision e-mails, deadline reminders, the staff digest,
each person's preferences (and one-click unsubscribe) and the calendar feed.

Other apps call the functions of ``decisions`` at their decision points; reminders and the digest
run from beat (``tasks``), with lead times staff edit in the admin (``LeadTime``).
"""
