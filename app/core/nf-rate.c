/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-rate"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-rate.h"

struct _NfRate {
  GObject parent_instance;
  char   *from;
  char   *to;
  double  value;
  char   *date;
};

G_DEFINE_FINAL_TYPE (NfRate, nf_rate, G_TYPE_OBJECT)

static void
nf_rate_finalize (GObject *object)
{
  NfRate *self = (NfRate *) object;

  g_free (self->from);
  g_free (self->to);
  g_free (self->date);

  G_OBJECT_CLASS (nf_rate_parent_class)->finalize (object);
}

static void
nf_rate_class_init (NfRateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_rate_finalize;
}

static void
nf_rate_init (NfRate *self)
{
}

gboolean
nf_currency_code_is_valid (const char *code)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (code[i] < 'A' || code[i] > 'Z')
      return FALSE;
  return code[3] == '\0';
}

static gboolean
digits (const char *s,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
nf_rate_date_is_valid (const char *date)
{
  gsize len;
  guint month, day;

  if (date == NULL)
    return FALSE;
  len = strlen (date);
  if (!(len == 4 || len == 7 || len == 10) || !digits (date, 4))
    return FALSE;
  if (len == 4)
    return TRUE;
  if (date[4] != '-' || !digits (date + 5, 2))
    return FALSE;
  month = (guint) (date[5] - '0') * 10 + (guint) (date[6] - '0');
  if (month < 1 || month > 12)
    return FALSE;
  if (len == 7)
    return TRUE;
  if (date[7] != '-' || !digits (date + 8, 2))
    return FALSE;
  day = (guint) (date[8] - '0') * 10 + (guint) (date[9] - '0');
  return day >= 1 &&
         day <= g_date_get_days_in_month ((GDateMonth) month,
                                          (GDateYear) g_ascii_strtoull (date, NULL, 10));
}

NfRate *
nf_rate_new (const char *from,
             const char *to,
             double      value,
             const char *date)
{
  NfRate *self;

  if (!nf_currency_code_is_valid (from) || !nf_currency_code_is_valid (to) ||
      g_str_equal (from, to) || !isfinite (value) || value <= 0 ||
      (date != NULL && !nf_rate_date_is_valid (date)))
    return NULL;

  self = g_object_new (NF_TYPE_RATE, NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->value = value;
  self->date = g_strdup (date);
  return self;
}

const char *nf_rate_get_from  (NfRate *self) { return self->from; }
const char *nf_rate_get_to    (NfRate *self) { return self->to; }
double      nf_rate_get_value (NfRate *self) { return self->value; }
const char *nf_rate_get_date  (NfRate *self) { return self->date; }

gboolean
nf_rate_equal (NfRate *a,
               NfRate *b)
{
  return g_str_equal (a->from, b->from) && g_str_equal (a->to, b->to) &&
         a->value == b->value && g_strcmp0 (a->date, b->date) == 0;
}

char *
nf_rate_to_string (NfRate *self)
{
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (NF_IS_RATE (self), NULL);

  g_ascii_formatd (value, sizeof value, "%.10g", self->value);
  /* Translators: an exchange rate, e.g. "1 USD = 7.1884 CNY" */
  return g_strdup_printf (_("1 %s = %s %s"), self->from, value, self->to);
}
