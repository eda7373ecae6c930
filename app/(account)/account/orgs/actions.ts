"use server";
// Forms of /account/orgs and /account/orgs/[slug]: parse → lib/data/orgs (which checks access) → redirect.
import { redirect } from "next/navigation";
import { invalid } from "@/lib/api/respond";
import { changeMemberRole, cancelInvitation, createOrg, inviteMember, InviteSchema, NewOrgSchema, removeMember, RoleSchema } from "@/lib/data/orgs";
import { field, formAction, type FormState } from "@/lib/http/form-action";

const orgPath = (slug: string) => `/account/orgs/${encodeURIComponent(slug)}`;

export async function createOrgAction(_: FormState, form: FormData): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    const input = NewOrgSchema.safeParse({ name: field(form, "name") });
    if (!input.success) throw invalid(input.error);
    const org = await createOrg(viewer, input.data);
    redirect(orgPath(org.slug));
  });
}

export async function inviteAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return formAction(async ({ viewer, ip }) => {
    const input = InviteSchema.safeParse({ email: field(form, "email"), role: field(form, "role") || "member" });
    if (!input.success) throw invalid(input.error);
    const inv = await inviteMember(viewer, slug, input.data, ip);
    return { ok: `Invitation sent to ${inv.email}. It expires in 7 days.` };
  });
}

export async function changeRoleAction(slug: string, userId: string, _: FormState, form: FormData): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    const input = RoleSchema.safeParse({ role: field(form, "role") });
    if (!input.success) throw invalid(input.error);
    await changeMemberRole(viewer, slug, userId, input.data.role);
    redirect(`${orgPath(slug)}?changed=1`);
  });
}

export async function removeMemberAction(slug: string, userId: string, _: FormState): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    await removeMember(viewer, slug, userId);
    redirect(userId === viewer.userId ? "/account/orgs?left=1" : `${orgPath(slug)}?removed=1`);
  });
}

export async function cancelInvitationAction(slug: string, invitationId: string, _: FormState): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    await cancelInvitation(viewer, slug, invitationId);
    redirect(orgPath(slug));
  });
}
