// Server state for message templates: the list, the writes, and the rendered preview.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RenderBody, Rendered, Template, TemplateCreate, TemplatePatch } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useTemplates() {
  return useQuery({ queryKey: queryKeys.templates, queryFn: ({ signal }) => api<Template[]>('/api/templates', { signal }) });
}

/** The server fills the placeholders for a contact; `draft` previews unsaved text. */
export function useRenderedTemplate(templateId: string | undefined, body: RenderBody, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.templatePreview({ templateId, ...body }),
    queryFn: ({ signal }) => api<Rendered>(`/api/templates/${templateId}/render`, { method: 'POST', body, signal }),
    enabled: enabled && Boolean(templateId),
    placeholderData: keepPreviousData, // No flicker while the user types.
    staleTime: 10_000,
  });
}

function useInvalidateTemplates() {
  const queryClient = useQueryClient();
  // The welcome template also shapes every proposed welcome.
  return () =>
    Promise.all(
      [queryKeys.templates, [...queryKeys.invitations, 'welcome-draft']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

export function useCreateTemplate() {
  const invalidate = useInvalidateTemplates();
  return useMutation({
    mutationFn: (body: TemplateCreate) => api<Template>('/api/templates', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** The saved template replaces its old self at once, so the editor is not "unsaved" meanwhile. */
function useReplaceInList() {
  const queryClient = useQueryClient();
  return (template: Template) =>
    queryClient.setQueryData<Template[]>(queryKeys.templates, (list) => list?.map((t) => (t.id === template.id ? template : t)));
}

export function useUpdateTemplate() {
  const invalidate = useInvalidateTemplates();
  const replace = useReplaceInList();
  return useMutation({
    mutationFn: ({ id, ...body }: TemplatePatch & { id: string }) => api<Template>(`/api/templates/${id}`, { method: 'PATCH', body }),
    onSuccess: (template) => {
      replace(template);
      return invalidate();
    },
  });
}

export function useDeleteTemplate() {
  const invalidate = useInvalidateTemplates();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/templates/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useResetTemplate() {
  const invalidate = useInvalidateTemplates();
  const replace = useReplaceInList();
  return useMutation({
    mutationFn: (id: string) => api<Template>(`/api/templates/${id}/reset`, { method: 'POST', body: {} }),
    onSuccess: (template) => {
      replace(template);
      return invalidate();
    },
  });
}
