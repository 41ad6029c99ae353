import { z } from 'zod';
import { ROLES } from '../../domain/permissions.js';

const grantSchema = z.object({ role: z.enum(ROLES), orgUnitCode: z.string().min(1) });

export const sessionSchema = z.object({
  user: z
    .object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      grants: z.array(grantSchema),
    })
    .nullable(),
  csrfToken: z.string().nullable(),
});

export const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(1).max(200),
});

export const demoAccountsSchema = z.object({
  password: z.string().nullable(),
  items: z.array(z.object({ username: z.string(), displayName: z.string(), grants: z.array(grantSchema) })),
});

export const userListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      active: z.boolean(),
      isDemo: z.boolean(),
      grants: z.array(grantSchema),
    }),
  ),
});

export const newUserBody = z.object({
  username: z.string().min(1).max(40),
  displayName: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
  grants: z.array(grantSchema).min(1).max(20),
});
