import { Alert, Button, FileInput, Group, Paper, Progress, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import {
  IconAddressBook, IconAlertTriangle, IconBrandLinkedin, IconCalendarEvent, IconDatabaseImport, IconFileSpreadsheet, IconInfoCircle, IconUpload, type Icon,
} from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importSources, type CsvFormat, type CsvMapping, type CsvPreview, type ImportReport, type ImportSource } from '@shared/schemas/index.js';
import { ApiError, isApiError } from '../../api/client';
import { errorMessage } from '../../app/queryClient';
import { SectionCard } from '../../ui/SectionCard';
import classes from './ImportPanel.module.css';
import { UploadNetworkError, useCsvPreview, useRunImport, type ImportRequest, type UploadPhase } from './api';
import { CsvMappingStep } from './CsvMappingStep';
import { ImportReportView } from './ImportReportView';
import { ReplaceEverythingModal } from './ReplaceEverythingModal';

const sourceIcons: Record<ImportSource, Icon> = {
  linkedin: IconBrandLinkedin,
  vcard: IconAddressBook,
  csv: IconFileSpreadsheet,
  json: IconDatabaseImport,
  ical: IconCalendarEvent,
};

/** The order the sources are offered in: the backup, the rarest, last. */
const shownSources: ImportSource[] = ['linkedin', 'vcard', 'csv', 'ical', 'json'];
if (shownSources.length !== importSources.length) throw new Error('ImportPanel: list every import source in shownSources');

const accepted: Record<ImportSource, string> = {
  linkedin: '.zip,.csv,application/zip,text/csv',
  vcard: '.vcf,.vcard,text/vcard,text/x-vcard',
  csv: '.csv,.txt,text/csv',
  json: '.json,application/json',
  ical: '.ics,.ical,text/calendar',
};

type Step =
  | { step: 'choose' }
  | { step: 'previewing' }
  | { step: 'mapping'; file: File; preview: CsvPreview }
  | { step: 'running'; request: ImportRequest; recognised?: CsvFormat | undefined }
  | { step: 'done'; report: ImportReport; recognised?: CsvFormat | undefined }
  | { step: 'failed'; request: ImportRequest; error: unknown };

/**
 * Import, one step at a time: pick the source and file(s); a generic CSV gets its columns
 * matched; the upload shows its progress, then the server's work; the report ends it. A refused
 * file says why and that nothing changed; a backup into a non-empty account offers to replace.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const [source, setSource] = useState<ImportSource>('linkedin');
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [phase, setPhase] = useState<UploadPhase>({ phase: 'uploading', fraction: 0 });
  const [replaceOpen, setReplaceOpen] = useState(false);
  const run = useRunImport(setPhase);
  const preview = useCsvPreview();

  const start = (request: ImportRequest, recognised?: CsvFormat) => {
    setStep({ step: 'running', request, recognised });
    run.mutate(request, {
      onSuccess: (report) => setStep({ step: 'done', report, recognised }),
      onError: (error) => setStep({ step: 'failed', request, error }),
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [first] = files;
    if (!first) return setFileError(t('imports.fileRequired'));
    if (source !== 'csv') return start({ source, files });
    setStep({ step: 'previewing' });
    preview.mutate(first, {
      // Google and Outlook exports need no mapping: their columns are known.
      onSuccess: (result) =>
        result.format === 'generic' ? setStep({ step: 'mapping', file: first, preview: result }) : start({ source, files: [first] }, result.format),
      onError: (error) => setStep({ step: 'failed', request: { source, files: [first] }, error }),
    });
  };

  const reset = () => {
    setFiles([]);
    setStep({ step: 'choose' });
    run.reset();
  };

  return (
    <SectionCard title={t('imports.importTitle')} hint={t('imports.importHint')} testId="import-panel">
      {(step.step === 'choose' || step.step === 'previewing') && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Radio.Group
              label={t('imports.sourceLabel')}
              value={source}
              onChange={(value) => {
                setSource(value as ImportSource);
                setFiles([]);
                setFileError(undefined);
              }}
            >
              {/* Three a row at most: five cannot fit a word like "Exportación" beside the radio and the icon. */}
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={6}>
                {shownSources.map((value) => {
                  const SourceIcon = sourceIcons[value];
                  return (
                    <Radio.Card key={value} value={value} p="sm" radius="md" aria-label={t(`imports.sources.${value}`)} className={classes.sourceCard}>
                      <Group gap="xs" wrap="nowrap">
                        <Radio.Indicator size="xs" />
                        <SourceIcon size={22} aria-hidden style={{ flexShrink: 0, color: 'var(--mantine-primary-color-filled)' }} />
                        <Text fw={600} size="sm" lh={1.25}>
                          {t(`imports.sources.${value}`)}
                        </Text>
                      </Group>
                    </Radio.Card>
                  );
                })}
              </SimpleGrid>
            </Radio.Group>
            <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="md">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconInfoCircle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm" id="import-source-help">
                  {t(`imports.sourceHelp.${source}`)}
                </Text>
              </Group>
            </Paper>
            <FilePicker
              source={source}
              files={files}
              error={fileError}
              onChange={(chosen) => {
                setFiles(chosen);
                setFileError(undefined);
              }}
            />
            <Group>
              <Button type="submit" leftSection={<IconUpload size={18} aria-hidden />} loading={step.step === 'previewing'}>
                {source === 'csv' ? t('imports.next') : t('imports.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {step.step === 'mapping' && (
        <CsvMappingStep
          fileName={step.file.name}
          preview={step.preview}
          onBack={() => setStep({ step: 'choose' })}
          onImport={(mapping: CsvMapping) => start({ source: 'csv', files: [step.file], mapping })}
        />
      )}
      {step.step === 'running' && <UploadProgress phase={phase} recognised={step.recognised} restoring={step.request.source === 'json'} />}
      {step.step === 'done' && <ImportReportView report={step.report} recognised={step.recognised} onAnother={reset} />}
      {step.step === 'failed' && (
        <ImportFailure
          error={step.error}
          request={step.request}
          onRetry={() => setStep({ step: 'choose' })}
          onReplace={() => setReplaceOpen(true)}
        />
      )}
      <ReplaceEverythingModal
        opened={replaceOpen}
        onClose={() => setReplaceOpen(false)}
        onConfirm={() => {
          setReplaceOpen(false);
          if (step.step === 'failed') start({ ...step.request, replace: true });
        }}
      />
    </SectionCard>
  );
}

function FilePicker(props: { source: ImportSource; files: File[]; error?: string | undefined; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const several = props.source === 'linkedin';
  return (
    <Stack gap="xs">
      <FileChooser {...props} />
      {/* Files dragged from the desktop or the downloads bar. Only a drop target: the chooser
          above is the one control for the keyboard and for a tap on a phone. The server checks
          what a file holds, whatever its name says. */}
      <Dropzone
        onDrop={(dropped) => props.onChange(several ? dropped : dropped.slice(0, 1))}
        multiple={several}
        activateOnClick={false}
        activateOnKeyboard={false}
        tabIndex={-1}
        aria-hidden
        data-testid="import-dropzone"
        p="sm"
        visibleFrom="sm"
      >
        <Group justify="center" gap="xs" style={{ pointerEvents: 'none' }}>
          <IconUpload size={18} aria-hidden />
          <Text size="sm" c="dimmed">
            {t(several ? 'imports.dropFiles' : 'imports.dropFile')}
          </Text>
        </Group>
      </Dropzone>
    </Stack>
  );
}

function FileChooser({ source, files, error, onChange }: { source: ImportSource; files: File[]; error?: string | undefined; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const common = { accept: accepted[source], error, clearable: true, leftSection: <IconUpload size={16} aria-hidden />, 'aria-describedby': 'import-source-help' };
  // LinkedIn's export may come as its separate CSV files: several at once.
  if (source === 'linkedin') {
    return (
      <FileInput
        {...common}
        multiple
        label={t('imports.files')}
        placeholder={t('imports.fileLinkedinPlaceholder')}
        value={files}
        onChange={onChange}
        valueComponent={({ value }) => (
          <Text size="sm" truncate>
            {fileNames(value) ?? t('imports.filesChosen', { count: files.length })}
          </Text>
        )}
      />
    );
  }
  return (
    <FileInput
      {...common}
      label={t('imports.file')}
      placeholder={t('imports.filePlaceholder')}
      value={files[0] ?? null}
      onChange={(file) => onChange(file ? [file] : [])}
    />
  );
}

/** The names of a few files; null when there are too many to list (the count says it then). */
function fileNames(value: File | File[] | null): string | null {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.length <= 3 ? list.map((f) => f.name).join(', ') : null;
}

function UploadProgress({ phase, recognised, restoring }: { phase: UploadPhase; recognised?: CsvFormat | undefined; restoring: boolean }) {
  const { t } = useTranslation();
  const uploading = phase.phase === 'uploading';
  const percent = uploading && phase.fraction !== null ? Math.round(phase.fraction * 100) : null;
  const label = uploading
    ? percent === null
      ? t('imports.uploadingUnknown')
      : t('imports.uploading', { percent })
    : restoring
      ? t('imports.restoring')
      : t('imports.processing');
  return (
    <Stack gap="sm" py="md" aria-busy="true" data-testid="import-progress">
      {recognised && recognised !== 'generic' && (
        <Text size="sm" c="dimmed">
          {t('imports.recognised', { format: t(`imports.formats.${recognised}`) })}
        </Text>
      )}
      <Progress
        value={uploading ? (percent ?? 100) : 100}
        striped={!uploading || percent === null}
        animated={!uploading || percent === null}
        size="lg"
        radius="xl"
        aria-label={t('imports.progressLabel')}
        transitionDuration={200}
      />
      <Text size="sm" role="status">
        {label}
      </Text>
    </Stack>
  );
}

interface ImportFailureProps {
  error: unknown;
  request: ImportRequest;
  onRetry: () => void;
  onReplace: () => void;
}

function ImportFailure({ error, request, onRetry, onReplace }: ImportFailureProps) {
  const { t } = useTranslation();
  // A backup into an account with data: not an error in the file, a choice to make.
  if (request.source === 'json' && !request.replace && isApiError(error, 409)) {
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('imports.notEmptyTitle')} role="alert">
          {t('imports.notEmptyBody')}
        </Alert>
        <Group gap="sm">
          <Button color="red" variant="light" onClick={onReplace}>
            {t('imports.replaceAll')}
          </Button>
          <Button variant="default" onClick={onRetry}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const refusal = error instanceof ApiError ? refusalOf(error) : null;
  // A refusal the app knows is said in the user's language with its place; the server's own words
  // (English, the exact line's trouble) follow as the detail. Anything else: the server's words.
  const detail =
    error instanceof UploadNetworkError
      ? t('imports.networkFailed')
      : refusal
        ? [t(`imports.refused.${refusal.code}`), refusal.where && t(`imports.refusedWhere.${refusal.where.kind}`, refusal.where)].filter(Boolean).join(' ')
        : error instanceof ApiError
          ? (error.problem?.detail ?? error.problem?.title ?? errorMessage(error))
          : errorMessage(error);
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('imports.failedTitle')} role="alert" data-testid="import-error">
        <Stack gap={6}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {detail}
          </Text>
          {refusal && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('imports.refusedDetail', { detail: refusal.message })}
            </Text>
          )}
          {!(error instanceof UploadNetworkError) && <Text size="sm">{t('imports.failedBody')}</Text>}
        </Stack>
      </Alert>
      <Group>
        <Button variant="default" onClick={onRetry}>
          {t('imports.tryAgain')}
        </Button>
      </Group>
    </Stack>
  );
}

const refusalCodes = ['binary', 'encoding', 'malformed', 'wrong_format', 'mapping_required', 'bad_mapping', 'empty', 'zip', 'no_owner', 'too_large', 'unsafe_name'] as const;
type RefusalCode = (typeof refusalCodes)[number];
type RefusalPlace = { kind: 'file'; file: string } | { kind: 'line'; file: string; line: number } | { kind: 'card'; file: string; line: number | undefined; card: number };

/** A refused file as the server describes it (features/imports/routes.ts): its code and place. */
function refusalOf(error: ApiError): { code: RefusalCode; message: string; where: RefusalPlace | null } | null {
  const item = error.problem?.errors?.find((e) => e.field === 'file');
  const code = refusalCodes.find((known) => known === item?.code);
  if (!item || !code) return null;
  const where: RefusalPlace | null = !item.file
    ? null
    : item.card !== undefined
      ? { kind: 'card', file: item.file, line: item.line, card: item.card }
      : item.line !== undefined
        ? { kind: 'line', file: item.file, line: item.line }
        : { kind: 'file', file: item.file };
  return { code, message: item.message, where };
}
