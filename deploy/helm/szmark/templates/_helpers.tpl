{{- define "szmark.name" -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "szmark.labels" -}}
app.kubernetes.io/name: {{ include "szmark.name" . }}
app.kubernetes.io/part-of: szmark
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "szmark.selector" -}}
app.kubernetes.io/name: {{ include "szmark.name" . }}
{{- end -}}

{{- define "szmark.db" -}}
{{ include "szmark.name" . }}-db
{{- end -}}
