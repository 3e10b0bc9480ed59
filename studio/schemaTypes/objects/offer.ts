import { TagIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

import { type DiscountType, validateCurrency, validateDiscountValue, validateOfferCode, validateOfferWindow } from '../validation/offer'
import { stringFieldOf } from '../validation/parent-field'

function discountTypeOf(parent: unknown): DiscountType | undefined {
  const value = stringFieldOf(parent, 'discountType')
  return value === 'amount' || value === 'percent' ? value : undefined
}

/** A promo code with its discount and optional validity window. */
export const offer = defineType({
  name: 'offer',
  title: 'Offer',
  type: 'object',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'code',
      title: 'Code',
      type: 'string',
      description: 'What customers type at checkout: 3–20 capital letters and digits, e.g. BLOG.',
      validation: (rule) => rule.required().custom((code) => validateOfferCode(code)),
    }),
    defineField({
      name: 'discountType',
      title: 'Discount type',
      type: 'string',
      options: {
        list: [
          { title: 'Fixed amount', value: 'amount' },
          { title: 'Percentage', value: 'percent' },
        ],
        layout: 'radio',
        direction: 'horizontal',
      },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'discountValue',
      title: 'Discount',
      type: 'number',
      description: 'In the currency below for a fixed amount, or in percent.',
      validation: (rule) => rule.required().custom((value, context) => validateDiscountValue(discountTypeOf(context.parent), value)),
    }),
    defineField({
      name: 'currency',
      title: 'Currency',
      type: 'string',
      description: 'ISO 4217 code, e.g. USD. Required for a fixed amount.',
      validation: (rule) => rule.custom((currency, context) => validateCurrency(discountTypeOf(context.parent), currency)),
    }),
    defineField({
      name: 'minimumMinutes',
      title: 'Minimum session length (minutes)',
      type: 'number',
      description: 'E.g. 30 for "30 minutes and up". Leave empty for any length.',
      validation: (rule) => rule.integer().positive(),
    }),
    defineField({
      name: 'firstSessionOnly',
      title: 'First session only',
      type: 'boolean',
      initialValue: false,
    }),
    defineField({ name: 'startsAt', title: 'Starts', type: 'datetime' }),
    defineField({
      name: 'endsAt',
      title: 'Ends',
      type: 'datetime',
      description: 'After this moment the site shows the CTA without the offer.',
      validation: (rule) => rule.custom((endsAt, context) => validateOfferWindow(stringFieldOf(context.parent, 'startsAt'), endsAt)),
    }),
  ],
})
