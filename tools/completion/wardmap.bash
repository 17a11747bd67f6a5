# bash completion for wardmap: commands, each command's options (read from its own --help, so
# they never fall out of step), the values of -f, --layer and --theme, and files.
_wardmap() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} program=${COMP_WORDS[0]}
    if ((COMP_CWORD == 1)); then
        COMPREPLY=($(compgen -W "info dissolve export validate allocate rollout render view --help --version" -- "$cur"))
        return
    fi
    case $prev in
        -f | --format)
            local IFS=$'\n'
            COMPREPLY=($(compgen -W $'GPKG\n"ESRI Shapefile"\nGeoJSON\nFlatGeobuf\nKML\nCSV' -- "$cur"))
            return ;;
        --layer) COMPREPLY=($(compgen -W "units parents command_units" -- "$cur")); return ;;
        --theme) COMPREPLY=($(compgen -W "bcu phase officers" -- "$cur")); return ;;
        --priority) COMPREPLY=($(compgen -W "plan demand access boroughs outward" -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        local options
        options=$("$program" "${COMP_WORDS[1]}" --help 2>/dev/null | grep -oE -- '(^|[ ,])--?[A-Za-z][A-Za-z0-9_-]*' | tr -d ' ,' | sort -u)
        options+=" -overwrite -lco -dsco -nln -where -sql -s_srs -t_srs --config"
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -o bashdefault -F _wardmap wardmap
